using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>
/// What a proposed wording must be: plain text (no markup), trimmed, the same placeholders as the English source, not
/// much longer than the source, and different from the current wording. Pure: the same input always gives the same
/// answer.
/// </summary>
internal static partial class WordingRules
{
    public const int HardMaximumLength = 2000;

    /// <summary>A translation may be longer than English, but not a page of text for a button.</summary>
    public static int MaximumLength(string source) => Math.Min(HardMaximumLength, 3 * source.Length + 100);

    /// <summary>The messages that say what to fix; empty when <paramref name="proposed"/> (already trimmed) is acceptable.</summary>
    public static IReadOnlyList<string> Check(string source, string? current, string proposed, IStringLocalizer localizer)
    {
        if (proposed.Length == 0) return [localizer["Enter the wording you propose."]];

        var problems = new List<string>();
        var maximum = MaximumLength(source);
        if (proposed.Length > maximum)
            problems.Add(localizer["Shorten the wording to at most {0} characters; it has {1}.", maximum, proposed.Length]);
        if (ContainsMarkup(proposed))
            problems.Add(localizer["Remove the markup (text between < and >, or character codes such as &amp;): write plain text only."]);
        if (proposed.Any(c => char.IsControl(c) && c != '\n'))
            problems.Add(localizer["Remove the tabs and control characters: write plain text only."]);

        var expected = Placeholders(source);
        var found = Placeholders(proposed);
        var missing = expected.Except(found).ToList();
        var extra = found.Except(expected).ToList();
        if (missing.Count > 0)
            problems.Add(localizer["Keep the placeholders {0}: they are replaced by names or numbers when the text is shown.", string.Join(" ", missing)]);
        if (extra.Count > 0)
            problems.Add(localizer["Remove {0}: the English text has no such placeholder.", string.Join(" ", extra)]);
        if (missing.Count == 0 && extra.Count == 0 && expected.Count > 0 && !Formats(proposed, expected.Count))
            problems.Add(localizer["Use braces { } only around placeholders such as {0}."]);

        if (problems.Count == 0 && string.Equals(proposed, current, StringComparison.Ordinal))
            problems.Add(localizer["This is already the current wording: change it, or leave the field empty."]);
        return problems;
    }

    public static string Normalise(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Tags (<c>&lt;b&gt;</c>, <c>&lt;/a&gt;</c>, <c>&lt;!--</c>) and character references (<c>&amp;amp;</c>,
    /// <c>&amp;#60;</c>). A lone "&lt;" in "a &lt; b" is text.</summary>
    public static bool ContainsMarkup(string text) => Markup().IsMatch(text);

    public static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static bool Formats(string text, int arguments)
    {
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, text, Enumerable.Repeat<object?>("x", Math.Max(arguments, 10)).ToArray());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"<[/!?a-zA-Z]|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\{\d+(?:[,:][^{}]*)?\}")]
    private static partial Regex Placeholder();
}
