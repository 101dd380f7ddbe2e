using FsCheck;
using FsCheck.Xunit;
using Waypoint.Features.Authorities;

namespace Waypoint.Tests.Authorities;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Malmö", "malmo")]
    [InlineData("São João de Loure e Frossos", "sao joao de loure e frossos")]
    [InlineData("München, Landeshauptstadt", "munchen landeshauptstadt")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Ærøskøbing", "aeroskobing")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Straße", "strasse")]
    [InlineData("Đakovo", "dakovo")]
    [InlineData("Þórshöfn", "thorshofn")]
    [InlineData("Ðorðe", "dorde")]
    [InlineData("Iğdır", "igdir")]
    [InlineData("Ħal Għargħur", "hal gharghur")]
    [InlineData("Αθήνα", "αθηνα")]
    [InlineData("ΝΑΥΠΛΙΟΣ", "ναυπλιοσ")]
    [InlineData("Ναύπλιος", "ναυπλιοσ")]
    [InlineData("Пловдив", "пловдив")]
    [InlineData("Saint-Just-Malmont", "saint just malmont")]
    [InlineData("  L’Aquila  ", "l aquila")]
    [InlineData("Bruxelles / Brussel (Région)", "bruxelles brussel region")]
    [InlineData("ﬁnale", "finale")]
    [InlineData("", "")]
    [InlineData("  -- ", "")]
    public void Fold_lowercases_removes_accents_and_spells_out_letters_that_do_not_decompose(string name, string folded) =>
        Assert.Equal(folded, SearchText.Fold(name));

    [Fact]
    public void Fold_of_null_is_empty() => Assert.Equal("", SearchText.Fold(null));

    [Fact]
    public void Half_a_surrogate_pair_becomes_a_separator() => Assert.Equal("a b", SearchText.Fold("a\uD800b"));

    [Property(MaxTest = 500)]
    public void Folding_twice_changes_nothing(NonNull<string> text)
    {
        var once = SearchText.Fold(text.Get);
        Assert.Equal(once, SearchText.Fold(once));
    }

    [Property(MaxTest = 500)]
    public void Folded_text_has_only_lower_case_letters_digits_and_single_inner_spaces(NonNull<string> text)
    {
        var folded = SearchText.Fold(text.Get);
        Assert.DoesNotContain("  ", folded, StringComparison.Ordinal);
        Assert.Equal(folded.Trim(), folded);
        Assert.All(folded, c => Assert.True(c == ' ' || (char.IsLetterOrDigit(c) && !char.IsUpper(c)), $"'{c}' (U+{(int)c:X4}) in \"{folded}\""));
    }
}
