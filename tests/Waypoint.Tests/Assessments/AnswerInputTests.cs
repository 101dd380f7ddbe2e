using System.Net;
using System.Net.Http.Json;
using System.Text;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Assessments;

/// <summary>Bad input gets a problem-details error that names what to fix, and nothing stored changes.</summary>
public sealed class AnswerInputTests(WaypointFactory factory) : IClassFixture<WaypointFactory>, IAsyncLifetime
{
    private AssessmentScenario.Team _team = null!;
    private Guid _assessmentId;

    public async Task InitializeAsync()
    {
        _team = await factory.CreateTeamAsync();
        _assessmentId = (await _team.ContributorApi.StartAsync(_team.OrganisationId)).Id;
        await _team.ContributorApi.AnswerAsync(_assessmentId, "governance.skills", new { level = 3, version = 0 });
    }

    public Task DisposeAsync()
    {
        _team.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string, string> InvalidAnswers => new()
    {
        // question, JSON body, the field the error names
        { "governance.funding", """{ "level": 0, "version": 0 }""", "level" },
        { "governance.funding", """{ "level": 6, "version": 0 }""", "level" },
        { "governance.funding", """{ "choice": "maybe", "version": 0 }""", "choice" },
        { "governance.funding", """{ "level": 2, "choice": "dont_know", "version": 0 }""", "choice" },
        { "governance.funding", """{ "version": 0 }""", "level" },
        { "governance.funding", """{ "level": 2 }""", "version" },
        { "governance.funding", """{ "value": "high", "version": 0 }""", "value" },
        { "governance.funding", """{ "level": 2, "note": "{{NOTE2001}}", "version": 0 }""", "note" },
        { "governance.funding", """{ "level": 2, "evidenceUrl": "javascript:alert(1)", "version": 0 }""", "evidenceUrl" },
        { "governance.funding", """{ "level": 2, "evidenceUrl": "ftp://files.example.eu/report.pdf", "version": 0 }""", "evidenceUrl" },
        { "governance.funding", """{ "level": 2, "evidenceUrl": "/documents/report.pdf", "version": 0 }""", "evidenceUrl" },
        { "governance.funding", """{ "level": 2, "evidenceUrl": "data:text/html,<script>alert(1)</script>", "version": 0 }""", "evidenceUrl" },
        { "general.population_served", """{ "value": -5, "version": 0 }""", "value" },
        { "general.population_served", """{ "value": "many", "version": 0 }""", "value" },
        { "general.population_served", """{ "level": 3, "version": 0 }""", "value" },
        { "general.authority_type", """{ "value": "castle", "version": 0 }""", "value" },
        { "general.authority_type", """{ "value": 3, "version": 0 }""", "value" },
        { "general.service_languages", """{ "value": "{{TEXT501}}", "version": 0 }""", "value" },
        { "general.service_languages", """{ "value": "   ", "version": 0 }""", "value" },
    };

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task An_invalid_answer_is_refused_with_the_field_to_fix_and_nothing_is_stored(string questionKey, string body, string field)
    {
        var before = await factory.AssessmentSnapshotAsync();
        body = body.Replace("{{NOTE2001}}", new string('n', 2001), StringComparison.Ordinal)
            .Replace("{{TEXT501}}", new string('t', 501), StringComparison.Ordinal);

        var response = await _team.ContributorApi.PutAsync($"/api/v1/assessments/{_assessmentId}/answers/{questionKey}",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"No error for '{field}': {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task A_note_of_exactly_2000_characters_is_accepted_and_line_breaks_count_once()
    {
        var note = new string('n', 1000) + "\r\n" + new string('n', 999);

        var saved = await _team.ContributorApi.AnswerAsync(_assessmentId, "governance.procurement", new { level = 2, note, version = 0 });

        Assert.Equal(2000, saved.Note!.Length);
    }

    [Fact]
    public async Task A_question_key_the_questionnaire_does_not_have_is_404_and_nothing_is_stored()
    {
        var before = await factory.AssessmentSnapshotAsync();

        var response = await _team.ContributorApi.PutAnswerAsync(_assessmentId, "governance.crystal_ball", new { level = 3, version = 0 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("governance.crystal_ball", (await response.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_a_problem_that_says_so_and_nothing_is_stored()
    {
        var before = await factory.AssessmentSnapshotAsync();

        var response = await _team.ContributorApi.PutAsync($"/api/v1/assessments/{_assessmentId}/answers/governance.funding",
            new StringContent("""{ "level": 3, "version": """, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", (await response.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task A_level_sent_as_text_is_refused_as_unreadable_and_nothing_is_stored()
    {
        var before = await factory.AssessmentSnapshotAsync();

        var response = await _team.ContributorApi.PutAsync($"/api/v1/assessments/{_assessmentId}/answers/governance.funding",
            new StringContent("""{ "level": "high", "version": 0 }""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task Script_in_a_note_is_stored_as_text_and_shown_escaped_on_the_pages()
    {
        const string note = "<script>alert('x')</script> & \"quotes\"";
        await _team.ContributorApi.AnswerAsync(_assessmentId, "governance.algorithm_transparency", new { level = 2, note, version = 0 });

        var stored = (await _team.ViewerApi.GetAssessmentAsync(_assessmentId)).FindAnswer("governance.algorithm_transparency")!;
        using var browser = await factory.CreateBrowserClientAsync(_team.Contributor);
        var topicPage = await browser.GetStringAsync($"/assessments/{_assessmentId}/topics/governance");
        var resultsPage = await browser.GetStringAsync($"/assessments/{_assessmentId}/results");

        Assert.Equal(note, stored.Note);
        foreach (var page in new[] { topicPage, resultsPage })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task General_information_takes_values_checked_by_type()
    {
        var number = await _team.ContributorApi.AnswerAsync(_assessmentId, "general.digital_staff", new { value = "12.50", version = 0 });
        var option = await _team.ContributorApi.AnswerAsync(_assessmentId, "general.it_provision", new { value = "shared_service", version = 0 });
        var text = await _team.ContributorApi.AnswerAsync(_assessmentId, "general.other_networks", new { value = "  Eurocities  ", version = 0 });

        Assert.Equal(("12.5", "value"), (number.Value!, number.Choice));
        Assert.Equal("shared_service", option.Value);
        Assert.Equal("Eurocities", text.Value);
    }

    [Fact]
    public async Task A_good_practice_with_a_link_that_is_not_http_is_refused_and_nothing_is_stored()
    {
        var before = await factory.AssessmentSnapshotAsync();

        var response = await _team.ContributorApi.PutAsJsonAsync($"/api/v1/assessments/{_assessmentId}/good-practices/governance",
            new { solutionName = "Portal", url = "javascript:alert(1)", version = 0 });
        var unknownTopic = await _team.ContributorApi.PutAsJsonAsync($"/api/v1/assessments/{_assessmentId}/good-practices/general",
            new { solutionName = "Portal", version = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("url", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownTopic.StatusCode);
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }
}
