using Microsoft.Extensions.Localization;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.GoodPractices;

namespace Waypoint.Features.GoodPractices;

/// <summary>How the pages name population bands and the status of a shared good practice, in the reader's language.</summary>
internal static class GoodPracticeLabels
{
    public static string Band(PopulationBand band, IStringLocalizer l) => band switch
    {
        PopulationBand.Under1000 => l["Fewer than 1,000 inhabitants"],
        PopulationBand.From1000To4999 => l["1,000 to 4,999 inhabitants"],
        PopulationBand.From5000To19999 => l["5,000 to 19,999 inhabitants"],
        PopulationBand.From20000To99999 => l["20,000 to 99,999 inhabitants"],
        PopulationBand.From100000To499999 => l["100,000 to 499,999 inhabitants"],
        PopulationBand.From500000 => l["500,000 inhabitants or more"],
        _ => l["Population unknown"],
    };

    public static string Status(GoodPracticeStatus status, IStringLocalizer l) => status switch
    {
        GoodPracticeStatus.Pending => l["Waiting for an editor"],
        GoodPracticeStatus.Approved => l["In the library"],
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
