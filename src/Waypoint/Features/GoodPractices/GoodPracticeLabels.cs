using Microsoft.Extensions.Localization;
using Waypoint.Data.GoodPractices;

namespace Waypoint.Features.GoodPractices;

/// <summary>How the pages name the status of a shared good practice, in the reader's language.</summary>
internal static class GoodPracticeLabels
{
    public static string Status(GoodPracticeStatus status, IStringLocalizer l) => status switch
    {
        GoodPracticeStatus.Pending => l["Waiting for an editor"],
        GoodPracticeStatus.Approved => l["In the library"],
        GoodPracticeStatus.Withdrawn => l["Withdrawn by your organisation"],
        GoodPracticeStatus.Unpublished => l["Taken out of the library by an editor"],
        _ => l["Not published"],
    };

    /// <summary>The first words of a description, for a list: at most about <paramref name="length"/> characters, cut at a space.</summary>
    public static string Excerpt(string text, int length = 240)
    {
        if (text.Length <= length) return text;
        var cut = text.LastIndexOf(' ', length);
        return string.Concat(text.AsSpan(0, cut > length / 2 ? cut : length), "…");
    }
}
