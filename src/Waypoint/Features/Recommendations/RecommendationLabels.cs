using Microsoft.Extensions.Localization;
using Waypoint.Data.Recommendations;

namespace Waypoint.Features.Recommendations;

/// <summary>Names of horizons and levels as people read them; each a literal for the translation template.</summary>
internal static class RecommendationLabels
{
    public static string Horizon(string horizon, IStringLocalizer l) => horizon switch
    {
        "quick_win" => l["Quick win (up to three months)"],
        "one_year" => l["Within a year"],
        _ => l["Within three years"],
    };

    public static string Horizon(RecommendationHorizon horizon, IStringLocalizer l) => Horizon(RecommendationFormat.HorizonName(horizon), l);

    public static string Level(string level, IStringLocalizer l) => level switch
    {
        "local" => l["Local"],
        "regional" => l["Regional policy"],
        _ => l["National policy"],
    };

    public static string Level(RecommendationLevel level, IStringLocalizer l) => Level(level.ToString().ToLowerInvariant(), l);
}
