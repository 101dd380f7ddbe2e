using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Data.Assessments;
using Waypoint.Data.Organisations;
using Waypoint.Features.Assessments;
using Waypoint.Features.Questionnaires;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Assessments;

/// <summary>Arranges organisations with members and assessments, answers questions through the API, and reads what
/// is stored, for the assessment tests.</summary>
internal static class AssessmentScenario
{
    public static JsonSerializerOptions Json => OrganisationScenario.Json;

    public static int ThisYear => DateTime.UtcNow.Year;

    /// <summary>An organisation with an admin, a contributor and a viewer, each with a bearer-token client.</summary>
    public sealed record Team(Guid OrganisationId, TestUser Admin, TestUser Contributor, TestUser Viewer,
        HttpClient AdminApi, HttpClient ContributorApi, HttpClient ViewerApi) : IDisposable
    {
        public void Dispose()
        {
            AdminApi.Dispose();
            ContributorApi.Dispose();
            ViewerApi.Dispose();
        }
    }

    public static async Task<Team> CreateTeamAsync(this WaypointFactory factory)
    {
        var organisation = await factory.CreateOrganisationAsync();
        var contributor = await factory.AddMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        var viewer = await factory.AddMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);
        return new Team(organisation.OrganisationId, organisation.Admin, contributor, viewer,
            await factory.CreateApiClientAsync(organisation.Admin), await factory.CreateApiClientAsync(contributor), await factory.CreateApiClientAsync(viewer));
    }

    public static Questionnaire Questionnaire(this WaypointFactory factory) =>
        factory.Services.GetRequiredService<QuestionnaireCatalog>().Current!;

    public static async Task<AssessmentDto> StartAsync(this HttpClient api, Guid organisationId, int? round = null, bool copyPrevious = false)
    {
        var response = await api.PostAsJsonAsync("/api/v1/assessments", new { organisationId, round, copyPrevious });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Start answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<AssessmentDto>(Json))!;
    }

    public static async Task<AssessmentDto> GetAssessmentAsync(this HttpClient api, Guid id)
    {
        var response = await api.GetAsync($"/api/v1/assessments/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AssessmentDto>(Json))!;
    }

    public static Task<HttpResponseMessage> PutAnswerAsync(this HttpClient api, Guid id, string questionKey, object body) =>
        api.PutAsJsonAsync($"/api/v1/assessments/{id}/answers/{questionKey}", body);

    public static async Task<AnswerDto> AnswerAsync(this HttpClient api, Guid id, string questionKey, object body)
    {
        var response = await api.PutAnswerAsync(id, questionKey, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {questionKey} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<AnswerDto>(Json))!;
    }

    /// <summary>A valid answer body for a profile question of questionnaire 1.0 (or the test questionnaire).</summary>
    public static object ProfileAnswer(Question question, int version = 0) => question.Type switch
    {
        QuestionType.Number => new { value = 1200, version },
        QuestionType.SingleChoice => new { value = question.Options[0].Key, version },
        QuestionType.YesNo => new { value = true, version },
        _ => (object)new { value = "German and Sorbian", version },
    };

    /// <summary>Answers every question: profile questions validly, topic questions with <paramref name="levelOf"/>
    /// (a level 1–5, or null for "don't know"). Returns the scale answers given, by key.</summary>
    public static async Task<Dictionary<string, int?>> AnswerEverythingAsync(this HttpClient api, Guid id, Questionnaire questionnaire,
        Func<Question, int, int?> levelOf)
    {
        var given = new Dictionary<string, int?>();
        var n = 0;
        foreach (var question in questionnaire.Sections.SelectMany(s => s.Questions))
        {
            if (!question.Scored)
            {
                await api.AnswerAsync(id, question.Key, ProfileAnswer(question));
                continue;
            }
            var level = levelOf(question, n++);
            given[question.Key] = level;
            await api.AnswerAsync(id, question.Key, level is { } l ? new { level = l, version = 0 } : new { choice = "dont_know", version = 0 });
        }
        return given;
    }

    /// <summary>Everything the assessments feature stores, as text: equal before and after means nothing changed.</summary>
    public static Task<string> AssessmentSnapshotAsync(this WaypointFactory factory) => factory.WithDbAsync(async db =>
    {
        var assessments = await db.Assessments.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.OrganisationId, a.Round, a.Status, a.Version, a.SubmittedAt, a.SubmittedById, a.UpdatedAt }).ToListAsync();
        var answers = await db.Answers.AsNoTracking().OrderBy(a => a.AssessmentId).ThenBy(a => a.QuestionKey)
            .Select(a => new { a.AssessmentId, a.QuestionKey, a.Choice, a.Level, a.Value, a.Note, a.EvidenceUrl, a.Version, a.UpdatedById }).ToListAsync();
        var practices = await db.TopicGoodPractices.AsNoTracking().OrderBy(g => g.AssessmentId).ThenBy(g => g.TopicKey)
            .Select(g => new { g.AssessmentId, g.TopicKey, g.SolutionName, g.Url, g.Achievement, g.Version }).ToListAsync();
        return JsonSerializer.Serialize(new { assessments, answers, practices }, Json);
    });

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
