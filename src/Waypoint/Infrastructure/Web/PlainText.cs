using System.Text.RegularExpressions;

namespace Waypoint.Infrastructure.Web;

/// <summary>Texts people write are stored and shown as plain text. Text that looks like markup or a script is
/// refused with a message rather than silently changed, so that what is stored is exactly what was sent.</summary>
internal static partial class PlainText
{
    /// <summary>True when the text holds an HTML tag, comment or declaration, a character reference, or a
    /// <c>javascript:</c> address: none belongs in plain text, and each is how script is smuggled into a page.</summary>
    public static bool ContainsMarkup(string? text) => text is not null && Markup().IsMatch(text);

    [GeneratedRegex(@"<\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;|javascript\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
