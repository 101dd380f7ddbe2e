using System.Net;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Questionnaires;

namespace Waypoint.Tests.Assessments;

/// <summary>The application on the small test questionnaire, which has a yes/no question (version 1.0 has none).</summary>
public sealed class TestQuestionnaireFactory : WaypointFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Questionnaires:Directory"] = TestQuestionnaires.ValidDirectory };
}

public sealed class ProfileValueTests(TestQuestionnaireFactory factory) : IClassFixture<TestQuestionnaireFactory>
{
    [Theory]
    [InlineData("""{ "value": true, "version": 0 }""", "yes")]
    [InlineData("""{ "value": false, "version": 0 }""", "no")]
    [InlineData("""{ "value": "yes", "version": 0 }""", "yes")]
    public async Task A_yes_no_question_takes_yes_or_no(string body, string stored)
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);

        var response = await team.ContributorApi.PutAsync($"/api/v1/assessments/{assessment.Id}/answers/general.has_cdo",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(stored, (await team.ViewerApi.GetAssessmentAsync(assessment.Id)).FindAnswer("general.has_cdo")!.Value);
    }

    [Theory]
    [InlineData("""{ "value": "maybe", "version": 0 }""")]
    [InlineData("""{ "value": 1, "version": 0 }""")]
    public async Task A_yes_no_question_refuses_anything_else_and_stores_nothing(string body)
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        var before = await factory.AssessmentSnapshotAsync();

        var response = await team.ContributorApi.PutAsync($"/api/v1/assessments/{assessment.Id}/answers/general.has_cdo",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("value", out _));
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task Submitting_needs_the_required_general_information_but_not_the_optional_questions()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        var questionnaire = factory.Questionnaire();
        foreach (var question in questionnaire.Sections.SelectMany(s => s.Questions).Where(q => q.Required))
        {
            await team.ContributorApi.AnswerAsync(assessment.Id, question.Key,
                question.Scored ? new { choice = "not_applicable", version = 0 } : AssessmentScenario.ProfileAnswer(question));
        }

        var response = await team.AdminApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
