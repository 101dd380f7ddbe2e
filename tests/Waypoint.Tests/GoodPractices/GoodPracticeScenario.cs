using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Assessments;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.GoodPractices;
using Waypoint.Features.Authorities;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.GoodPractices;

/// <summary>Arranges submitted assessments with good practices (through the API), benchmark entries and shared good
/// practices (directly in the database), and reads what the sharing features store.</summary>
internal static class GoodPracticeScenario
{
    public const string Topic = "governance";

    /// <summary>A team whose submitted assessment of this year describes a good practice in <paramref name="topicKey"/>.</summary>
    public static async Task<(AssessmentScenario.Team Team, Guid AssessmentId)> SubmittedWithPracticeAsync(this WaypointFactory factory,
        string topicKey = Topic, string solutionName = "Open geodata portal")
    {
        var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerEverythingAsync(assessment.Id, factory.Questionnaire(), (_, i) => 1 + (i % 5));
        var put = await team.ContributorApi.PutAsJsonAsync($"/api/v1/assessments/{assessment.Id}/good-practices/{topicKey}",
            new { solutionName, url = "https://geo.example.eu/portal", achievement = "Publishes the town's map layers as open data.", version = 0 });
        put.EnsureSuccessStatusCode();
        (await team.AdminApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null)).EnsureSuccessStatusCode();
        return (team, assessment.Id);
    }

    public static object PublishBody(Guid assessmentId, string title = "Open geodata portal", string? url = "https://geo.example.eu/portal",
        string description = "Publishes the town's map layers as open data.", string topicKey = Topic) =>
        new { assessmentId, topicKey, title, url, description };

    /// <summary>An organisation with a submitted assessment in <paramref name="round"/> and a benchmark entry with these topic scores.</summary>
    public static async Task<(Guid OrganisationId, Guid AssessmentId, TestUser Admin)> CreateEntryAsync(this WaypointFactory factory, int round,
        IReadOnlyDictionary<string, double> scores)
    {
        var organisation = await factory.CreateOrganisationAsync();
        var assessmentId = Guid.NewGuid();
        await factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Assessments.Add(new Assessment
            {
                Id = assessmentId,
                OrganisationId = organisation.OrganisationId,
                Round = round,
                QuestionnaireVersion = "1.0",
                Status = AssessmentStatus.Submitted,
                CreatedAt = now,
                CreatedById = organisation.Admin.Id,
                SubmittedAt = now,
                UpdatedAt = now,
            });
            db.BenchmarkEntries.Add(new BenchmarkEntry
            {
                AssessmentId = assessmentId,
                OrganisationId = organisation.OrganisationId,
                AuthorityId = organisation.AuthorityId,
                Round = round,
                QuestionnaireVersion = "1.0",
                CountryCode = "DE",
                AuthorityType = AuthorityType.Municipality,
                PopulationBand = PopulationBand.Unknown,
                Overall = scores.Values.Average(),
                SubmittedAt = now,
                RecordedAt = now,
                TopicScores = [.. scores.Select(s => new BenchmarkTopicScore { AssessmentId = assessmentId, TopicKey = s.Key, Score = s.Value })],
            });
            await db.SaveChangesAsync();
        });
        return (organisation.OrganisationId, assessmentId, organisation.Admin);
    }

    /// <summary>A shared good practice stored as given, as if published and decided through the application.</summary>
    public static async Task<Guid> AddPracticeAsync(this WaypointFactory factory, Guid organisationId, Guid assessmentId, string title,
        string description = "A description.", string topicKey = Topic, GoodPracticeStatus status = GoodPracticeStatus.Approved,
        string country = "DE", AuthorityType type = AuthorityType.Municipality, PopulationBand band = PopulationBand.From5000To19999,
        string authorityName = "Testville")
    {
        var id = Guid.NewGuid();
        await factory.WithDbAsync(async db =>
        {
            var authorityId = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.AuthorityId).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            db.SharedGoodPractices.Add(new SharedGoodPractice
            {
                Id = id,
                OrganisationId = organisationId,
                AssessmentId = assessmentId,
                TopicKey = topicKey,
                Round = 2020,
                Title = title,
                Description = description,
                SearchText = SearchText.Fold($"{title} {description} {authorityName}"),
                AuthorityId = authorityId,
                AuthorityName = authorityName,
                CountryCode = country,
                AuthorityType = type,
                PopulationBand = band,
                Status = status,
                PublishedAt = now,
                PublishedById = "someone",
                DecidedAt = status == GoodPracticeStatus.Pending ? null : now,
                Version = 1,
            });
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Everything the sharing features store, as text: equal before and after means nothing changed.</summary>
    public static Task<string> ShareSnapshotAsync(this WaypointFactory factory) => factory.WithDbAsync(async db =>
    {
        var practices = await db.SharedGoodPractices.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Url, p.Description, p.Status, p.RejectionReason, p.Version, p.SearchText }).ToListAsync();
        var questions = await db.PeerQuestions.AsNoTracking().OrderBy(q => q.Id).Select(q => new { q.Id, q.Title, q.Body }).ToListAsync();
        var answers = await db.PeerAnswers.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Body }).ToListAsync();
        return JsonSerializer.Serialize(new { practices, questions, answers }, OrganisationScenario.Json);
    });
}
