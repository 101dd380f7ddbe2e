using Microsoft.Extensions.Localization;
using Waypoint.Features.Proofreading;

namespace Waypoint.Tests.Proofreading;

public sealed class WordingRulesTests
{
    /// <summary>Gives the English message, as the localizer does for a string with no translation.</summary>
    private sealed class EnglishLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static IReadOnlyList<string> Check(string source, string proposed, string? current = null) =>
        WordingRules.Check(source, current, WordingRules.Normalise(proposed), new EnglishLocalizer());

    [Theory]
    [InlineData("Results of {0}", "Ergebnisse von {0}")]
    [InlineData("{0} of {1}", "{1} sur {0}")]
    [InlineData("Score below 50", "Punktzahl < 50")]
    [InlineData("Search", "Tom & Jerry suchen")]
    public void Plain_text_with_the_same_placeholders_in_any_order_is_accepted(string source, string proposed) =>
        Assert.Empty(Check(source, proposed));

    [Theory]
    [InlineData("Search", "<b>Suchen</b>")]
    [InlineData("Search", "Suchen<br/>")]
    [InlineData("Search", "Suchen <!-- x -->")]
    [InlineData("Search", "Such&shy;en")]
    [InlineData("Search", "Such&#173;en")]
    public void Tags_and_character_codes_are_markup(string source, string proposed) =>
        Assert.Contains(Check(source, proposed), m => m.Contains("plain text", StringComparison.Ordinal));

    [Fact]
    public void The_maximum_length_is_three_times_the_source_plus_100_capped_at_2000()
    {
        Assert.Equal(127, WordingRules.MaximumLength("Directory"));
        Assert.Equal(2000, WordingRules.MaximumLength(new string('x', 1000)));
        Assert.Empty(Check("Directory", new string('x', 127)));
        Assert.NotEmpty(Check("Directory", new string('x', 128)));
    }

    [Fact]
    public void The_wording_is_trimmed_and_line_endings_normalised() =>
        Assert.Equal("a\nb", WordingRules.Normalise("  a\r\nb \t"));

    [Fact]
    public void Empty_and_unchanged_wordings_are_refused()
    {
        Assert.NotEmpty(Check("Search", "   "));
        Assert.NotEmpty(Check("Search", " Suchen ", current: "Suchen"));
    }
}
