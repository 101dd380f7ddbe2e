using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Waypoint.Data.Assessments;
using Waypoint.Features.Assessments;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Assessments;

public sealed class SubmitTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task An_incomplete_assessment_is_refused_with_the_list_of_unanswered_required_questions_and_stays_a_draft()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        var questionnaire = factory.Questionnaire();
        await team.ContributorApi.AnswerEverythingAsync(assessment.Id, questionnaire, (_, i) => 1 + (i % 5));
        // Take back two answers by writing the organisation's draft directly: one profile question, one topic question.
        await factory.WithDbAsync(async db =>
        {
            db.Answers.RemoveRange(db.Answers.Where(a => a.AssessmentId == assessment.Id
                && (a.QuestionKey == "general.digital_budget" || a.QuestionKey == "networking.eu_projects" || a.QuestionKey == "general.other_networks")));
            await db.SaveChangesAsync();
        });
        var before = await factory.AssessmentSnapshotAsync();

        var response = await team.AdminApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("incomplete", problem.GetProperty("reason").GetString());
        var missing = problem.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("questionKey").GetString()).ToList();
        Assert.Equal(["general.digital_budget", "networking.eu_projects"], missing); // other_networks is optional
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task A_complete_assessment_submitted_by_an_admin_records_who_and_when_and_never_changes_again()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerEverythingAsync(assessment.Id, factory.Questionnaire(), (_, i) => i % 6 == 0 ? null : 1 + (i % 5));
        var beforeSubmit = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await team.AdminApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var submitted = (await response.Content.ReadFromJsonAsync<AssessmentDto>(AssessmentScenario.Json))!;
        Assert.Equal(AssessmentStatus.Submitted, submitted.Status);
        Assert.Equal(team.Admin.Id, submitted.SubmittedBy!.Id);
        Assert.InRange(submitted.SubmittedAt!.Value, beforeSubmit, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.False(submitted.CanAnswer);

        var after = await factory.AssessmentSnapshotAsync();
        var answer = await team.ContributorApi.PutAnswerAsync(assessment.Id, "governance.skills", new { level = 5, version = 1 });
        var practice = await team.ContributorApi.PutAsJsonAsync($"/api/v1/assessments/{assessment.Id}/good-practices/governance", new { solutionName = "Late", version = 0 });
        var again = await team.AdminApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null);

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Equal("submitted", (await answer.ProblemAsync()).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, practice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already submitted", (await again.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(after, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task Only_admins_submit_contributors_are_refused_with_403()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerEverythingAsync(assessment.Id, factory.Questionnaire(), (_, _) => 3);
        var before = await factory.AssessmentSnapshotAsync();

        var response = await team.ContributorApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("admins", (await response.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task Answers_racing_a_submission_are_either_in_the_submitted_assessment_or_refused_never_lost()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        var questionnaire = factory.Questionnaire();
        await team.ContributorApi.AnswerEverythingAsync(assessment.Id, questionnaire, (_, _) => 2);
        var current = await team.ContributorApi.GetAssessmentAsync(assessment.Id);
        var keys = questionnaire.Topics.SelectMany(t => t.Questions).Select(q => q.Key).Take(12).ToList();

        var submit = team.AdminApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null);
        var writes = keys.Select(key => team.ContributorApi.PutAnswerAsync(assessment.Id, key, new { level = 5, version = current.FindAnswer(key)!.Version })).ToList();
        var responses = await Task.WhenAll(writes);

        Assert.Equal(HttpStatusCode.OK, (await submit).StatusCode);
        var final = await team.ViewerApi.GetAssessmentAsync(assessment.Id);
        for (var i = 0; i < keys.Count; i++)
        {
            var stored = final.FindAnswer(keys[i])!;
            if (responses[i].StatusCode == HttpStatusCode.OK) Assert.Equal(5, stored.Level);
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, responses[i].StatusCode);
                Assert.Equal(2, stored.Level);
            }
        }
        var assessmentVersion = final.Version;
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(current.Version + accepted + 1, assessmentVersion);
    }
}
