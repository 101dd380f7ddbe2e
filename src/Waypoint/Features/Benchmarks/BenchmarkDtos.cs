using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;

namespace Waypoint.Features.Benchmarks;

/// <param name="Suppressed">True when the figures may not be shown (fewer than the minimum, or differencing); then
/// every figure is null and <see cref="Reason"/> says why ("too-few" or "differencing").</param>
internal sealed record MeasureDto(string Measure, string Title, bool Suppressed, string? Reason, int? Count,
    double? P10, double? Q1, double? Median, double? Q3, double? P90, double? Mean);

internal sealed record PeerGroupDto(int Round, string? Country, string? Nuts2, AuthorityType? Type, PopulationBand? Band, string Label);

/// <summary>The open-data answer: one peer group's statistics per measure.</summary>
internal sealed record BenchmarkDto(PeerGroupDto Group, int MinimumGroupSize, IReadOnlyList<MeasureDto> Measures, DateTimeOffset? DataAsOf);

/// <param name="Score">The organisation's own score (0–100, one decimal), null when it had too few answers.</param>
/// <param name="PercentileRank">Where the organisation stands in the group (0–100), null when the group is suppressed.</param>
internal sealed record OwnMeasureDto(string Measure, string Title, double? Score, double? PercentileRank, MeasureDto Group);

internal sealed record OwnGroupDto(string Key, PeerGroupDto Group, IReadOnlyList<OwnMeasureDto> Measures)
{
    /// <summary>Whether synthetic organisations (Synthetic Europe) are among the group's members; false when the group is
    /// not shown, since that too would describe it.</summary>
    public bool IncludesSynthetic { get; init; }

    /// <summary>How many of the group's members are synthetic; null when the group is not shown, or when the number would
    /// reveal a group of fewer real organisations than the minimum (then only <see cref="IncludesSynthetic"/> is said).</summary>
    public int? SyntheticMembers { get; init; }
}

internal sealed record OwnRoundDto(int Round, IReadOnlyList<OwnScoreDto> Scores);

internal sealed record OwnScoreDto(string Measure, double? Score);

internal sealed record OwnTargetDto(string Measure, int Target, double? Gap);

/// <summary>An organisation's own position among its peers: for its latest (or the asked) round, its scores and
/// percentile ranks in each standard peer group and in the custom one asked for; its scores in every round; its targets.</summary>
internal sealed record OwnBenchmarkDto(Guid OrganisationId, string OrganisationName, int? Round, IReadOnlyList<OwnGroupDto> Groups,
    IReadOnlyList<OwnRoundDto> Progress, IReadOnlyList<OwnTargetDto> Targets, int MinimumGroupSize, DateTimeOffset? DataAsOf)
{
    /// <summary>Whether the organisation publishes its results (only then may its name appear beside its scores elsewhere).</summary>
    public bool ResultsPublished { get; init; }

    /// <summary>Whether the organisation itself is synthetic (Synthetic Europe): generated data, no real authority.</summary>
    public bool IsSynthetic { get; init; }
}
