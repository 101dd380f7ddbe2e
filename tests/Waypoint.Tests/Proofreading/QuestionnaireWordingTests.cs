using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Data.Accounts;
using Waypoint.Data.Proofreading;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Questionnaires.Translations;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Proofreading;

/// <summary>Members propose wording for the questionnaire's texts like for interface strings; accepted wording shows at
/// once on the topic pages and in the questionnaire API.</summary>
public sealed class QuestionnaireWordingTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private string Version => factory.Questionnaire().Version;

    private string Level(string question, int level) => QuestionnaireTexts.LevelKey(Version, question, level);

    private string GermanInFile(string key) => factory.Services.GetRequiredService<QuestionnaireCatalog>().FindInFile("de", key)!;

    private async Task<(HttpClient Member, HttpClient Editor, TestUser EditorUser)> ClientsAsync()
    {
        var editor = await factory.CreateUserAsync(roles: PlatformRoles.Editor);
        return (await factory.CreateApiClientAsync(await factory.CreateUserAsync()), await factory.CreateApiClientAsync(editor), editor);
    }

    private static async Task<JsonElement> QuestionAsync(HttpClient client, string language, string section, string question) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/questionnaires/current?lang={language}"))
        .GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == section)
        .GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == question);

    [Fact]
    public async Task A_member_proposes_wording_for_a_level_of_a_question_and_the_suggestion_names_its_english_source()
    {
        var (member, _, _) = await ClientsAsync();
        var key = Level("service_design.user_research", 1);

        var response = await member.SuggestAsync("de", key, "Dienste entstehen aus internen Ablaeufen; niemand fragt die Nutzenden.",
            "/assessments/x/topics/service_design");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var suggestion = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(key, suggestion.GetProperty("key").GetString());
        Assert.Equal(factory.Questionnaire().FindQuestion("service_design.user_research")!.Levels[0], suggestion.GetProperty("source").GetString());
        Assert.Equal(GermanInFile(key), suggestion.GetProperty("previousText").GetString());
        Assert.Equal("Pending", suggestion.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Wording_with_markup_for_a_questionnaire_text_is_refused_and_nothing_is_stored()
    {
        var member = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(member);

        var response = await client.SuggestAsync("de", QuestionnaireTexts.QuestionKey(Version, "governance.digital_strategy", "title"), "<b>Strategie</b>");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("markup", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.SuggestionCountAsync(member.Id));
    }

    [Fact]
    public async Task A_key_that_names_no_text_of_the_questionnaire_is_refused()
    {
        var member = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(member);

        var response = await client.SuggestAsync("de", QuestionnaireTexts.QuestionKey(Version, "governance.no_such_question", "title"), "Titel");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("key", out _));
        Assert.Equal(0, await factory.SuggestionCountAsync(member.Id));
    }

    [Fact]
    public async Task An_anonymous_visitor_cannot_propose_questionnaire_wording()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.SuggestAsync("de", Level("governance.digital_strategy", 2), "Eine Strategie gibt es als Entwurf.");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.WordingSuggestions.CountAsync(s => s.Text == "Eine Strategie gibt es als Entwurf.")));
    }

    [Fact]
    public async Task Accepted_wording_shows_at_once_on_the_topic_page_and_in_the_questionnaire_api_of_that_language_only()
    {
        var (member, editor, _) = await ClientsAsync();
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.AdminApi.StartAsync(team.OrganisationId);
        using var reader = await factory.CreateBrowserClientAsync(team.Admin);
        var key = Level("service_design.user_research", 3);
        var topicPage = $"/de/assessments/{assessment.Id}/topics/service_design";
        const string Better = "Einige neue Dienste beginnen mit Interviews mit Nutzenden; die Ergebnisse werden dokumentiert.";
        Assert.DoesNotContain(Better, await reader.HtmlAsync(topicPage), StringComparison.Ordinal);
        var id = await member.SuggestOkAsync("de", key, Better);

        var accepted = await editor.PostAsync($"/api/v1/proofreading/suggestions/{id}/accept", null);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains(Better, await reader.HtmlAsync(topicPage), StringComparison.Ordinal);
        using var anonymous = factory.CreateClient();
        var german = await QuestionAsync(anonymous, "de", "service_design", "service_design.user_research");
        Assert.Equal(Better, german.GetProperty("levels")[2].GetString());
        Assert.Equal(GermanInFile(Level("service_design.user_research", 2)), german.GetProperty("levels")[1].GetString());
        var english = await QuestionAsync(anonymous, "en", "service_design", "service_design.user_research");
        Assert.Equal(factory.Questionnaire().FindQuestion("service_design.user_research")!.Levels[2], english.GetProperty("levels")[2].GetString());
    }

    [Fact]
    public async Task Accepting_keeps_the_translation_files_wording_in_the_history_with_who_and_when()
    {
        var (member, editor, editorUser) = await ClientsAsync();
        var key = QuestionnaireTexts.QuestionKey(Version, "governance.digital_strategy", "text");
        var id = await member.SuggestOkAsync("de", key, "Hat Ihre Verwaltung eine beschlossene Digitalstrategie?");
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/proofreading/suggestions/{id}/accept", null)).StatusCode);

        var history = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/proofreading/history?language=de&key={Uri.EscapeDataString(key)}");

        Assert.Equal(GermanInFile(key), history.GetProperty("fileText").GetString());
        Assert.Equal("Hat Ihre Verwaltung eine beschlossene Digitalstrategie?", history.GetProperty("currentText").GetString());
        Assert.Equal(factory.Questionnaire().FindQuestion("governance.digital_strategy")!.Text, history.GetProperty("source").GetString());
        Assert.True(history.GetProperty("proofread").GetBoolean());
        var change = Assert.Single(history.GetProperty("changes").EnumerateArray());
        Assert.Equal(GermanInFile(key), change.GetProperty("previousText").GetString());
        Assert.Equal(editorUser.Email.Split('@')[0], change.GetProperty("changedByName").GetString());
        var stored = await factory.WithDbAsync(db => db.TranslationChanges.SingleAsync(c => c.SuggestionId == id));
        Assert.Equal(editorUser.Id, stored.ChangedById);
        Assert.True(DateTimeOffset.UtcNow - stored.ChangedAt < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_rejected_suggestion_leaves_the_questionnaire_wording_as_it_was()
    {
        var (member, editor, _) = await ClientsAsync();
        var key = Level("governance.digital_strategy", 4);
        var id = await member.SuggestOkAsync("de", key, "Eine Strategie mit Zielen und Budget ist beschlossen.");

        var rejected = await editor.PostAsJsonAsync($"/api/v1/proofreading/suggestions/{id}/reject", new { reason = "Zu knapp." });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(SuggestionStatus.Rejected, await factory.WithDbAsync(db => db.WordingSuggestions.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
        using var anonymous = factory.CreateClient();
        var german = await QuestionAsync(anonymous, "de", "governance", "governance.digital_strategy");
        Assert.Equal(GermanInFile(key), german.GetProperty("levels")[3].GetString());
    }

    [Fact]
    public async Task Coverage_counts_questionnaire_suggestions_waiting_and_texts_proofread()
    {
        var (member, editor, _) = await ClientsAsync();
        async Task<JsonElement> CountsAsync() => (await editor.GetFromJsonAsync<JsonElement>("/api/v1/proofreading/coverage"))
            .EnumerateArray().Single(l => l.GetProperty("code").GetString() == "nl").GetProperty("questionnaire");
        var before = await CountsAsync();
        var interfaceBefore = (await editor.GetFromJsonAsync<JsonElement>("/api/v1/proofreading/coverage"))
            .EnumerateArray().Single(l => l.GetProperty("code").GetString() == "nl").GetProperty("interface").GetProperty("pending").GetInt32();

        var accepted = await member.SuggestOkAsync("nl", Level("technology.cloud", 1), "Alles draait op eigen servers in het gemeentehuis.");
        await member.SuggestOkAsync("nl", Level("technology.cloud", 2), "Een paar diensten draaien in de cloud.");
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/proofreading/suggestions/{accepted}/accept", null)).StatusCode);

        var after = await CountsAsync();
        Assert.Equal(before.GetProperty("proofread").GetInt32() + 1, after.GetProperty("proofread").GetInt32());
        Assert.Equal(before.GetProperty("pending").GetInt32() + 1, after.GetProperty("pending").GetInt32());
        Assert.Equal(interfaceBefore, (await editor.GetFromJsonAsync<JsonElement>("/api/v1/proofreading/coverage"))
            .EnumerateArray().Single(l => l.GetProperty("code").GetString() == "nl").GetProperty("interface").GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task The_questionnaire_export_is_the_translation_file_with_the_accepted_wording_and_reads_back()
    {
        var (member, _, editorUser) = await ClientsAsync();
        using var editorApi = await factory.CreateApiClientAsync(editorUser);
        var key = QuestionnaireTexts.SectionKey(Version, "networking", "title");
        var id = await member.SuggestOkAsync("fr", key, "Travail en reseau");
        Assert.Equal(HttpStatusCode.OK, (await editorApi.PostAsync($"/api/v1/proofreading/suggestions/{id}/accept", null)).StatusCode);
        using var editor = await factory.CreateBrowserClientAsync(editorUser);

        var response = await editor.GetAsync("/proofreading/export/questionnaire/fr.yaml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = new List<string>();
        var translation = QuestionnaireTranslation.Read("fr.yaml", new StringReader(await response.Content.ReadAsStringAsync()), errors);
        Assert.Empty(errors);
        Assert.Equal(("fr", Version), (translation!.Language, translation.Version));
        Assert.Equal("Travail en reseau", translation.Sections["networking"].Title);
        var catalog = factory.Services.GetRequiredService<QuestionnaireCatalog>();
        var inFile = catalog.FindInFile("fr", QuestionnaireTexts.QuestionKey(Version, "governance.digital_strategy", "text"));
        Assert.Equal(inFile, translation.Questions["governance.digital_strategy"].Text);
        using var member2 = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());
        var refused = await member2.GetAsync("/proofreading/export/questionnaire/fr.yaml");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/accounts/denied", refused.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Questionnaire suggestions count towards the same hourly limit as interface suggestions.</summary>
public sealed class QuestionnaireWordingRateLimitTests(StrictSuggestionLimitFactory factory) : IClassFixture<StrictSuggestionLimitFactory>
{
    [Fact]
    public async Task A_member_over_the_hourly_limit_gets_429_for_questionnaire_wording_and_nothing_is_stored()
    {
        var member = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(member);
        var version = factory.Questionnaire().Version;
        await client.SuggestOkAsync("de", "Directory", "Behoerdenverzeichnis");
        await client.SuggestOkAsync("de", QuestionnaireTexts.LevelKey(version, "technology.cloud", 1), "Alles laeuft auf eigenen Servern.");
        await client.SuggestOkAsync("de", QuestionnaireTexts.LevelKey(version, "technology.cloud", 2), "Einige Dienste laufen in der Cloud.");

        var limited = await client.SuggestAsync("de", QuestionnaireTexts.LevelKey(version, "technology.cloud", 3), "Die meisten Dienste laufen in der Cloud.");

        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many suggestions", problem.GetProperty("title").GetString());
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(3, await factory.SuggestionCountAsync(member.Id));
    }
}
