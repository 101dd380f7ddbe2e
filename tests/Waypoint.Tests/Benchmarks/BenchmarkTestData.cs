using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Data.Assessments;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.Organisations;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Questionnaires;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Benchmarks;

/// <summary>One submitted assessment to put straight into the database: its overall score and, optionally, one score for
/// every topic (all topics get <see cref="Overall"/> when left out). <see cref="Synthetic"/> marks the organisation and its
/// entry as Synthetic Europe's.</summary>
public sealed record Submission(double Overall, double[]? Topics = null, int Round = 2026, bool Published = false, bool Synthetic = false);

/// <summary>Fills a test database with submitted assessments without answering questionnaires: organisations of real
/// municipalities of the directory, their submitted assessments and benchmark entries, then refreshes the benchmarks.</summary>
public static class BenchmarkTestData
{
    /// <summary>Adds one organisation per submission for the next free municipalities of <paramref name="country"/>
    /// (in the directory's order; <paramref name="nuts2"/> narrows them to one region). Returns the organisations' ids.</summary>
    public static async Task<IReadOnlyList<Guid>> AddSubmissionsAsync(this WaypointFactory factory, string country, IReadOnlyList<Submission> submissions,
        string? nuts2 = null)
    {
        var ids = await factory.WithDbAsync(async db =>
        {
            var authorities = await db.Authorities.AsNoTracking()
                .Where(a => a.Type == AuthorityType.Municipality && a.CountryCode == country && !db.Organisations.Any(o => o.AuthorityId == a.Id))
                .Where(a => nuts2 == null || a.NutsCode!.StartsWith(nuts2))
                .OrderBy(a => a.Id).Take(submissions.Count).ToListAsync();
            if (authorities.Count < submissions.Count) throw new InvalidOperationException($"Not enough free municipalities in {country} {nuts2}.");
            var now = DateTimeOffset.UtcNow;
            var ids = new List<Guid>();
            foreach (var (authority, submission) in authorities.Zip(submissions))
            {
                var organisation = new Organisation
                {
                    Id = Guid.NewGuid(),
                    AuthorityId = authority.Id,
                    CreatedAt = now,
                    ResultsPublished = submission.Published,
                    IsSynthetic = submission.Synthetic
                };
                var assessment = new Assessment
                {
                    Id = Guid.NewGuid(),
                    OrganisationId = organisation.Id,
                    Round = submission.Round,
                    QuestionnaireVersion = "1.0",
                    Status = AssessmentStatus.Submitted,
                    CreatedAt = now,
                    CreatedById = "test",
                    SubmittedAt = now,
                    SubmittedById = "test",
                    UpdatedAt = now,
                };
                db.Organisations.Add(organisation);
                db.Assessments.Add(assessment);
                db.BenchmarkEntries.Add(Entry(assessment, authority, submission, now));
                ids.Add(organisation.Id);
            }
            await db.SaveChangesAsync();
            return ids;
        });
        await factory.Services.GetRequiredService<BenchmarkStore>().RefreshAsync(CancellationToken.None);
        return ids;
    }

    /// <summary>Adds a submitted assessment of an existing organisation (of any authority), then refreshes the benchmarks.</summary>
    public static async Task AddSubmissionForAsync(this WaypointFactory factory, Guid organisationId, Submission submission)
    {
        await factory.WithDbAsync(async db =>
        {
            var authority = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Authority).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var assessment = new Assessment
            {
                Id = Guid.NewGuid(),
                OrganisationId = organisationId,
                Round = submission.Round,
                QuestionnaireVersion = "1.0",
                Status = AssessmentStatus.Submitted,
                CreatedAt = now,
                CreatedById = "test",
                SubmittedAt = now,
                SubmittedById = "test",
                UpdatedAt = now,
            };
            db.Assessments.Add(assessment);
            db.BenchmarkEntries.Add(Entry(assessment, authority, submission, now));
            await db.SaveChangesAsync();
        });
        await factory.Services.GetRequiredService<BenchmarkStore>().RefreshAsync(CancellationToken.None);
    }

    private static BenchmarkEntry Entry(Assessment assessment, Authority authority, Submission submission, DateTimeOffset now)
    {
        var topics = submission.Topics ?? [.. Questionnaire.TopicKeys.Select(_ => submission.Overall)];
        return new BenchmarkEntry
        {
            AssessmentId = assessment.Id,
            OrganisationId = assessment.OrganisationId,
            AuthorityId = authority.Id,
            Round = submission.Round,
            QuestionnaireVersion = "1.0",
            CountryCode = authority.CountryCode,
            Nuts2Code = PopulationBands.Nuts2Of(authority.NutsCode),
            AuthorityType = authority.Type,
            PopulationBand = PopulationBands.For(authority.Population),
            Overall = submission.Overall,
            IsSynthetic = submission.Synthetic,
            SubmittedAt = now,
            RecordedAt = now,
            TopicScores = [.. Questionnaire.TopicKeys.Zip(topics).Select(p => new BenchmarkTopicScore { AssessmentId = assessment.Id, TopicKey = p.First, Score = p.Second })],
        };
    }

    /// <summary>Submissions with the given overall scores (and the same score in every topic).</summary>
    public static IReadOnlyList<Submission> Scores(params double[] overall) => [.. overall.Select(o => new Submission(o))];
}
