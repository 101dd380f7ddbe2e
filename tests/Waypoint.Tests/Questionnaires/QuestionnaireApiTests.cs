using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Waypoint.Data.Accounts;
using Waypoint.Features.Questionnaires;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Questionnaires;

/// <summary>The application with the test questionnaire as version 1.0 (published) and version 1.1 (a draft).</summary>
public sealed class QuestionnaireFactory : WaypointFactory
{
    private static readonly string Directory = CreateDirectory();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Questionnaires:Directory"] = Directory };

    private static string CreateDirectory()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "questionnaires-api-tests");
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "1.0.yaml"), TestQuestionnaires.ValidText);
        File.WriteAllText(Path.Combine(directory, "1.1.yaml"), TestQuestionnaires.AsVersion("1.1", "draft"));
        return directory;
    }
}

public sealed class QuestionnaireApiTests(QuestionnaireFactory factory) : IClassFixture<QuestionnaireFactory>
{
    [Fact]
    public async Task The_current_questionnaire_is_served_to_anyone_with_its_sections_and_questions()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/questionnaires/current");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1.0", body.GetProperty("version").GetString());
        Assert.Equal("published", body.GetProperty("status").GetString());
        Assert.Equal("2026-11-25", body.GetProperty("publishedOn").GetString());
        Assert.Equal("Test questionnaire", body.GetProperty("title").GetString());

        var sections = body.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["general", .. Questionnaire.TopicKeys], sections.Select(s => s.GetProperty("key").GetString()));
        Assert.Equal("profile", sections[0].GetProperty("kind").GetString());
        Assert.Equal("topic", sections[1].GetProperty("kind").GetString());
        Assert.Equal("Service Design", sections[1].GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(sections[1].GetProperty("description").GetString()));

        var scale = sections[1].GetProperty("questions")[0];
        Assert.Equal("service_design.user_research", scale.GetProperty("key").GetString());
        Assert.Equal("User research", scale.GetProperty("title").GetString());
        Assert.Equal("scale", scale.GetProperty("type").GetString());
        Assert.True(scale.GetProperty("scored").GetBoolean());
        Assert.True(scale.GetProperty("required").GetBoolean());
        Assert.Equal(5, scale.GetProperty("levels").GetArrayLength());
        Assert.Equal("Nothing is done yet.", scale.GetProperty("levels")[0].GetString());
        Assert.Equal(0, scale.GetProperty("options").GetArrayLength());

        var choice = sections[0].GetProperty("questions")[1];
        Assert.Equal("single_choice", choice.GetProperty("type").GetString());
        Assert.False(choice.GetProperty("scored").GetBoolean());
        Assert.Equal(JsonValueKind.Null, choice.GetProperty("help").ValueKind);
        Assert.Equal(0, choice.GetProperty("levels").GetArrayLength());
        Assert.Equal("under_100k", choice.GetProperty("options")[0].GetProperty("key").GetString());
        Assert.Equal("Under 100,000 euros", choice.GetProperty("options")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_published_version_is_served_by_its_version()
    {
        using var client = factory.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/1.0");

        Assert.Equal("1.0", body.GetProperty("version").GetString());
        Assert.Equal(8, body.GetProperty("sections").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_version_is_a_404_problem_naming_the_published_versions()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/questionnaires/9.9");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("There is no questionnaire version 9.9. Published versions: 1.0.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_draft_version_is_hidden_from_visitors()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/questionnaires/1.1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_draft_version_is_shown_to_content_editors()
    {
        var editor = await factory.CreateUserAsync(roles: PlatformRoles.Editor);
        using var client = await factory.CreateApiClientAsync(editor);

        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/1.1");

        Assert.Equal("draft", body.GetProperty("status").GetString());
    }
}

/// <summary>The application pointed at a folder whose questionnaire is invalid.</summary>
public sealed class InvalidQuestionnaireFactory : WaypointFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Questionnaires:Directory"] = TestQuestionnaires.InvalidDirectory("missing-topics") };
}

public sealed class QuestionnaireStartupTests
{
    [Fact]
    public async Task The_application_does_not_start_with_invalid_questionnaire_content_and_says_why()
    {
        await using var factory = new InvalidQuestionnaireFactory();
        await factory.InitializeAsync();

        var exception = Assert.Throws<QuestionnaireContentException>(() => factory.Services);

        Assert.Contains("1.0.yaml, line ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("the topic 'networking' is missing", exception.Message, StringComparison.Ordinal);
    }
}
