using System.ComponentModel.DataAnnotations;

namespace Waypoint.Features.Synthetic;

/// <summary>Settings of Synthetic Europe (section "Synthetic"); the command's own arguments are separate.</summary>
internal sealed class SyntheticOptions
{
    public const string Section = "Synthetic";

    /// <summary>In Development, the share of the directory that gets synthetic assessments at start when the database
    /// has none yet, so that the dashboards show data at once; 0 turns it off. Never used in other environments.</summary>
    [Range(0.0, 1.0)]
    public double DemoFraction { get; set; }

    [Range(1, SyntheticPlan.MaximumRounds)]
    public int DemoRounds { get; set; } = 3;

    public ulong Seed { get; set; } = 42;
}
