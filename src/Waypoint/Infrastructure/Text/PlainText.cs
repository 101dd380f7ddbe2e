using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Waypoint.Infrastructure.Text;

/// <summary>
/// The rules for text people write for others to read (good practices, questions, answers, reasons): stored as plain
/// text and always shown encoded. Text that looks like markup is refused rather than stripped, so that nobody's words
/// are silently changed and a pasted script is never stored at all.
/// </summary>
internal static partial class PlainText
{
    /// <summary>Line breaks as the browser counts them (one character each), outer blanks removed; null when empty.</summary>
    public static string? Normalise(string? text)
    {
        if (text is null) return null;
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return normalised.Length == 0 ? null : normalised;
    }

    /// <summary>True when the text holds a tag, a comment or a processing instruction: "&lt;script", "&lt;/p&gt;",
    /// "&lt;!--". A "&lt;" followed by a space or digit, as in "&lt; 5,000 inhabitants", is fine.</summary>
    public static bool HasMarkup(string text) => Markup().IsMatch(text);

    /// <summary>Null when <paramref name="text"/> (already normalised) is acceptable; otherwise what to fix.</summary>
    /// <param name="what">What the field is, in the reader's language, to begin the message ("The title").</param>
    public static string? Check(string? text, string what, int maxLength, bool required, IStringLocalizer l)
    {
        if (text is null) return required ? l["{0} is required.", what].Value : null;
        if (text.Length > maxLength) return l["{0} has {1} characters; keep it to {2}.", what, text.Length, maxLength];
        if (HasMarkup(text)) return l["{0} contains markup such as <script> or <b>: write plain text, without angle brackets around words.", what];
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t')) return l["{0} contains control characters: write plain text.", what];
        return null;
    }

    // What a browser reads as the start of a tag: "<" then a letter, "/" and a letter, "!" or "?" — never "< 5" or "a <- b".
    [GeneratedRegex(@"<(?:/?[A-Za-z]|[!?])")]
    private static partial Regex Markup();
}
