using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Roadmaps;

internal static class RoadmapLabels
{
    public static string Status(string status, IStringLocalizer l) => status switch
    {
        "in_progress" => l["In progress"],
        "done" => l["Done"],
        _ => l["Planned"],
    };
}
