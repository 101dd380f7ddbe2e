using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Assessments.Scoring;

namespace Waypoint.Features.Benchmarks;

/// <summary>Builds the <see cref="BenchmarkEntry"/> a submitted assessment contributes to the peer benchmarks.</summary>
internal static class BenchmarkEntries
{
    public static BenchmarkEntry ForSubmission(Guid assessmentId, Guid organisationId, int round, Authority authority,
        AssessmentScore score, DateTimeOffset submittedAt) => new()
        {
            AssessmentId = assessmentId,
            OrganisationId = organisationId,
            AuthorityId = authority.Id,
            Round = round,
            QuestionnaireVersion = score.QuestionnaireVersion,
            CountryCode = authority.CountryCode,
            Nuts2Code = PopulationBands.Nuts2Of(authority.NutsCode),
            AuthorityType = authority.Type,
            PopulationBand = PopulationBands.For(authority.Population),
            Overall = score.Overall.Score?.Value,
            SubmittedAt = submittedAt,
            RecordedAt = submittedAt,
            TopicScores = [.. score.Topics
                .Where(t => t.Score is not null)
                .Select(t => new BenchmarkTopicScore { AssessmentId = assessmentId, TopicKey = t.Key, Score = t.Score!.Value.Value })],
        };
}
