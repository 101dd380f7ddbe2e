using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Data.Accounts;
using Waypoint.Data.Organisations;
using Waypoint.Features.Questionnaires;
using Waypoint.Tests.Benchmarks;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.BrowserTests.Accessibility;

/// <summary>Who looks at a page: nobody signed in, a member (the admin of an organisation), or a person with a platform
/// role: admin, editor (catalogues, moderation, proofreading) or coordinator (national figures and policy).</summary>
public enum Visitor
{
    Anonymous,
    Member,
    PlatformAdmin,
    Editor,
    Coordinator,

    /// <summary>Someone invited to the organisation, signed in with the invited address, before accepting.</summary>
    Invitee,
}

/// <summary>
/// What the page-by-page checks need on one server, arranged once through the API and the database: an organisation
/// with a second member and an open invitation, a submitted assessment of last year (with two good practices, one in
/// the library and one waiting for an editor, and a roadmap), this year's assessment with some answers, an authority
/// nobody has claimed, a pending claim for the admins' queue, six submitted peers in Slovakia of which the member
/// also administers one (so that dashboards and analytics show figures), a peer question with an answer, a wording
/// suggestion for the proofreading queue, and one signed-in browser session per <see cref="Visitor"/> (its cookies,
/// reused by every page of that visitor).
/// </summary>
public sealed class AccessibilitySite
{
    private static readonly ConditionalWeakTable<WaypointServer, Task<AccessibilitySite>> Sites = new();

    private readonly ConcurrentDictionary<Visitor, Task<string?>> _sessions = new();

    private AccessibilitySite(WaypointServer server) => Server = server;

    public WaypointServer Server { get; }

    public Guid OrganisationId { get; private set; }

    public Guid CurrentAssessmentId { get; private set; }

    public Guid SubmittedAssessmentId { get; private set; }

    public int ClaimedAuthorityId { get; private set; }

    public int UnclaimedAuthorityId { get; private set; }

    /// <summary>A municipality of the reference directory, with its region and country above it.</summary>
    public int MunicipalityId { get; private set; }

    public string FirstTopicKey { get; private set; } = "";

    /// <summary>One of the submitted peers, whose admin is also <see cref="Member"/>: its dashboard shows figures.</summary>
    public Guid PeerOrganisationId { get; private set; }

    /// <summary>A good practice approved for the library.</summary>
    public Guid ApprovedPracticeId { get; private set; }

    public Guid QuestionId { get; private set; }

    public string QuestionTopicKey { get; private set; } = "";

    public Guid RoadmapId { get; private set; }

    public string InvitationToken { get; private set; } = "";

    private TestUser Member { get; set; } = null!;

    private TestUser Admin { get; set; } = null!;

    private TestUser Editor { get; set; } = null!;

    private TestUser Coordinator { get; set; } = null!;

    private TestUser Invitee { get; set; } = null!;

    public static Task<AccessibilitySite> For(WaypointServer server) => Sites.GetValue(server, ArrangeAsync);

    /// <summary>The cookies of a signed-in session for <paramref name="visitor"/> (null for nobody), for
    /// <see cref="BrowserNewContextOptions.StorageState"/>.</summary>
    public Task<string?> SessionAsync(IBrowser browser, Visitor visitor) =>
        _sessions.GetOrAdd(visitor, v => v switch
        {
            Visitor.Member => SignInAsync(browser, Member),
            Visitor.PlatformAdmin => SignInAsync(browser, Admin),
            Visitor.Editor => SignInAsync(browser, Editor),
            Visitor.Coordinator => SignInAsync(browser, Coordinator),
            Visitor.Invitee => SignInAsync(browser, Invitee),
            _ => Task.FromResult<string?>(null),
        });

    private async Task<string?> SignInAsync(IBrowser browser, TestUser user)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.RootUri.ToString() });
        var response = await context.APIRequest.PostAsync("/api/v1/auth/login?useCookies=true",
            new APIRequestContextOptions { DataObject = new { email = user.Email, password = user.Password } });
        Assert.True(response.Ok, $"Signing in as {user.Email} answered {response.Status}.");
        return await context.StorageStateAsync();
    }

    private static async Task<AccessibilitySite> ArrangeAsync(WaypointServer server)
    {
        var site = new AccessibilitySite(server);
        var questionnaire = server.Services.GetQuestionnaire();
        site.FirstTopicKey = questionnaire.Topics[0].Key;

        var organisation = await server.CreateOrganisationAsync();
        site.OrganisationId = organisation.OrganisationId;
        site.ClaimedAuthorityId = organisation.AuthorityId;
        site.Member = organisation.Admin;
        await server.AddMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        site.Admin = await server.CreateUserAsync(null, PlatformRoles.Admin);
        site.Editor = await server.CreateUserAsync(null, PlatformRoles.Editor);
        site.Coordinator = await server.CreateUserAsync(null, PlatformRoles.Coordinator);
        site.UnclaimedAuthorityId = (await server.CreateAuthorityAsync()).Id;
        site.MunicipalityId = await server.WithDbAsync(db => db.Authorities.Where(a => a.Code == "SE_1280").Select(a => a.Id).SingleAsync());

        using var api = await ApiClientAsync(server, site.Member);
        var invited = $"invited-{Guid.NewGuid():N}@example.eu";
        await PostAsync(api, $"/api/v1/organisations/{site.OrganisationId}/invitations", new { email = invited, role = "Viewer" });
        site.InvitationToken = server.InvitationTokenSentTo(invited);
        site.Invitee = await server.CreateUserAsync(invited);

        var thisYear = DateTime.UtcNow.Year;
        site.SubmittedAssessmentId = await StartAsync(api, site.OrganisationId, thisYear - 1);
        var n = 0;
        foreach (var question in questionnaire.Sections.SelectMany(s => s.Questions))
        {
            await AnswerAsync(api, site.SubmittedAssessmentId, question, n++);
        }
        var practiceTopics = questionnaire.Topics.Take(2).Select(t => t.Key).ToList();
        foreach (var topicKey in practiceTopics)
        {
            var saved = await api.PutAsJsonAsync($"/api/v1/assessments/{site.SubmittedAssessmentId}/good-practices/{topicKey}", new
            {
                solutionName = $"Shared service desk for {topicKey}",
                url = "https://desk.example.eu/",
                achievement = "One desk answers residents for the whole district, in three languages, within a day.",
                version = 0,
            });
            Assert.True(saved.IsSuccessStatusCode, $"Saving the good practice of {topicKey} answered {(int)saved.StatusCode}.");
        }
        await PostAsync(api, $"/api/v1/assessments/{site.SubmittedAssessmentId}/submit", new { });
        site.RoadmapId = (await PostAsync(api, $"/api/v1/assessments/{site.SubmittedAssessmentId}/roadmap", new { })).GetProperty("id").GetGuid();

        // Two good practices shared for the library: the editor approves the first, the second waits in the queue.
        using var editorApi = await ApiClientAsync(server, site.Editor);
        foreach (var topicKey in practiceTopics)
        {
            var shared = await PostAsync(api, "/api/v1/good-practices", new
            {
                assessmentId = site.SubmittedAssessmentId,
                topicKey,
                title = $"Shared service desk for {topicKey}",
                url = "https://desk.example.eu/",
                description = "One desk answers residents for the whole district, in three languages, within a day.",
            });
            if (topicKey != practiceTopics[0]) continue;
            site.ApprovedPracticeId = shared.GetProperty("id").GetGuid();
            await PostAsync(editorApi, $"/api/v1/good-practices/moderation/{site.ApprovedPracticeId}/approve", new { version = shared.GetProperty("version").GetInt32() });
        }

        // Six submitted peers in Slovakia; the member also runs the third, and the admin of the fourth answers questions.
        var peers = await server.AddSubmissionsAsync("SK", BenchmarkTestData.Scores(20, 30, 40, 50, 60, 70));
        site.PeerOrganisationId = peers[2];
        await server.WithDbAsync(async db =>
        {
            db.OrganisationMemberships.Add(new OrganisationMembership { OrganisationId = peers[2], UserId = site.Member.Id, Role = OrganisationRole.Admin, JoinedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        site.QuestionTopicKey = practiceTopics[0];
        site.QuestionId = (await PostAsync(api, "/api/v1/questions", new
        {
            organisationId = site.OrganisationId,
            topicKey = site.QuestionTopicKey,
            title = "Who chairs your digital board?",
            body = "We are setting one up and wonder who should lead it.",
        })).GetProperty("id").GetGuid();
        using var peerApi = await ApiClientAsync(server, await server.AddMemberAsync(peers[3], OrganisationRole.Admin));
        await PostAsync(peerApi, $"/api/v1/questions/{site.QuestionId}/answers", new { organisationId = peers[3], body = "Our deputy mayor, with the CDO as secretary." });

        // A wording suggestion for the proofreading queue.
        await PostAsync(api, "/api/v1/proofreading/suggestions", new { language = "de", key = "Directory", text = "Behördenverzeichnis", page = "/" });

        site.CurrentAssessmentId = await StartAsync(api, site.OrganisationId, thisYear);
        foreach (var question in questionnaire.Topics[0].Questions.Take(3).Concat(questionnaire.Sections[0].Questions.Take(2)))
        {
            await AnswerAsync(api, site.CurrentAssessmentId, question, n++);
        }

        var claimant = await server.CreateUserAsync();
        using var claimantApi = await ApiClientAsync(server, claimant);
        await PostAsync(claimantApi, "/api/v1/organisations/claims", new
        {
            authorityId = (await server.CreateAuthorityAsync()).Id,
            jobTitle = "Chief digital officer",
            justification = "I lead the digital team of the municipality and the mayor asked me to run the assessment.",
        });
        return site;
    }

    private static async Task<HttpClient> ApiClientAsync(WaypointServer server, TestUser user)
    {
        var client = new HttpClient { BaseAddress = server.RootUri };
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<Guid> StartAsync(HttpClient api, Guid organisationId, int round)
    {
        var body = await PostAsync(api, "/api/v1/assessments", new { organisationId, round });
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>A valid answer of each kind; scale questions get levels 1–5 in turn, and every fifth "don't know".</summary>
    private static async Task AnswerAsync(HttpClient api, Guid assessmentId, Question question, int n)
    {
        object body = question.Type switch
        {
            QuestionType.Scale when n % 5 == 4 => new { choice = "dont_know", version = 0 },
            QuestionType.Scale => new { level = 1 + (n % 5), note = n % 3 == 0 ? "Agreed by the board in March." : null, version = 0 },
            QuestionType.Number => new { value = 12500.5m, version = 0 },
            QuestionType.SingleChoice => new { value = question.Options[0].Key, version = 0 },
            QuestionType.YesNo => new { value = true, version = 0 },
            _ => new { value = "Maltese and English", version = 0 },
        };
        var response = await api.PutAsJsonAsync($"/api/v1/assessments/{assessmentId}/answers/{question.Key}", body);
        Assert.True(response.IsSuccessStatusCode, $"Answering {question.Key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
