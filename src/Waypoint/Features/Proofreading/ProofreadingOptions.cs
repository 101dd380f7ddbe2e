namespace Waypoint.Features.Proofreading;

/// <summary>Bound from <c>Proofreading:</c>.</summary>
internal sealed class ProofreadingOptions
{
    public const string Section = "Proofreading";

    /// <summary>How many suggestions one member may send in an hour; more are refused with 429.</summary>
    public int SuggestionsPerHour { get; set; } = 30;

    /// <summary>How often each web node checks whether another node accepted new wording.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}
