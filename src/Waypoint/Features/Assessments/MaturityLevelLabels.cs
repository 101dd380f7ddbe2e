using Microsoft.Extensions.Localization;
using Waypoint.Features.Assessments.Scoring;

namespace Waypoint.Features.Assessments;

/// <summary>The names and meanings of the five maturity levels as people read them. Each is a literal given to the
/// localizer, so that the translation template collects it.</summary>
internal static class MaturityLevelLabels
{
    public static string Name(MaturityLevel level, IStringLocalizer l) => level switch
    {
        MaturityLevel.Starting => l["Starting"],
        MaturityLevel.Developing => l["Developing"],
        MaturityLevel.Established => l["Established"],
        MaturityLevel.Advanced => l["Advanced"],
        MaturityLevel.Leading => l["Leading"],
        _ => level.ToString(),
    };

    public static string Meaning(MaturityLevel level, IStringLocalizer l) => level switch
    {
        MaturityLevel.Starting => l["Little is in place; work depends on individuals."],
        MaturityLevel.Developing => l["First steps in some departments, not yet shared or planned."],
        MaturityLevel.Established => l["A shared way of working exists and is used in much of the authority."],
        MaturityLevel.Advanced => l["Practice is authority-wide, planned, measured and reviewed."],
        MaturityLevel.Leading => l["Practice is mature, improved continuously, and shared with peers."],
        _ => level.ToString(),
    };
}
