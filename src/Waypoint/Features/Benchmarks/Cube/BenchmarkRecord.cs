using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;

namespace Waypoint.Features.Benchmarks.Cube;

/// <summary>One submitted assessment as the benchmarks hold it in memory: its peer dimensions and its scores, one per
/// measure of <see cref="BenchmarkMeasures"/> (NaN where a topic had too few answers).</summary>
internal sealed record BenchmarkRecord(
    Guid AssessmentId,
    Guid OrganisationId,
    int AuthorityId,
    int Round,
    string CountryCode,
    string? Nuts2Code,
    AuthorityType AuthorityType,
    PopulationBand PopulationBand,
    float[] Scores,
    bool ResultsPublished,
    bool IsSynthetic,
    DateTimeOffset SubmittedAt);
