using System.Globalization;
using System.Text;

namespace Waypoint.Features.Authorities;

/// <summary>
/// Folds names for accent- and case-insensitive search: "Malmö" and "malmo" fold to the same text, so do
/// "São Paulo" and "sao paulo". Stored in <c>Authority.SearchName</c> and applied to every query, so both sides
/// always agree.
/// </summary>
internal static class SearchText
{
    /// <summary>
    /// Lower-cases, decomposes (compatibility decomposition: "ﬁ" → "fi" too) and drops the combining marks, then
    /// spells out the letters that Unicode does not decompose (ø, æ, ß, ł…). Every run of characters that are
    /// neither letters nor digits (spaces, hyphens, apostrophes, commas, brackets) becomes one space, so that
    /// "Saint-Just" is found by "saint just" and word starts are easy to recognise. The result holds only
    /// lower-case letters, digits and single spaces: safe inside a LIKE pattern without escaping.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";

        var decomposed = Decompose(text);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }
            AppendLetter(folded, char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    private static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // Half of a surrogate pair is no character: it becomes a separator, like any other non-letter.
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var paired = char.IsHighSurrogate(chars[i]) ? i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
                    : char.IsLowSurrogate(chars[i]) && i > 0 && char.IsHighSurrogate(chars[i - 1]);
                if (char.IsSurrogate(chars[i]) && !paired) chars[i] = ' ';
            }
            return new string(chars).Normalize(NormalizationForm.FormKD);
        }
    }

    private static void AppendLetter(StringBuilder folded, char c)
    {
        var spelled = c switch
        {
            'ø' => "o",
            'æ' => "ae",
            'œ' => "oe",
            'ß' => "ss",
            'ł' => "l",
            'đ' or 'ð' => "d",
            'þ' => "th",
            'ı' => "i",
            'ħ' => "h",
            'ŧ' => "t",
            'ŋ' => "n",
            'ĸ' => "k",
            'ſ' => "s",
            // Greek writes a final sigma differently; a query typed letter by letter ends in σ.
            'ς' => "σ",
            _ => null,
        };
        if (spelled is null) folded.Append(c);
        else folded.Append(spelled);
    }
}
