using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Assessments;
using Waypoint.Features.Assessments;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Assessments;

public sealed class AssessmentApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_contributor_starts_this_rounds_assessment_on_the_current_questionnaire()
    {
        using var team = await factory.CreateTeamAsync();

        var response = await team.ContributorApi.PostAsJsonAsync("/api/v1/assessments", new { organisationId = team.OrganisationId, round = AssessmentScenario.ThisYear });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var assessment = (await response.Content.ReadFromJsonAsync<AssessmentDto>(AssessmentScenario.Json))!;
        Assert.Equal($"/api/v1/assessments/{assessment.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
        Assert.Equal(AssessmentScenario.ThisYear, assessment.Round);
        Assert.Equal(factory.Questionnaire().Version, assessment.QuestionnaireVersion);
        Assert.Equal(team.OrganisationId, assessment.OrganisationId);
        Assert.Empty(assessment.Answers);
        Assert.Equal(factory.Questionnaire().Sections.Select(s => s.Key), assessment.Progress.Select(p => p.Key));
    }

    [Fact]
    public async Task Starting_a_round_that_exists_answers_409_with_the_id_of_the_existing_assessment()
    {
        using var team = await factory.CreateTeamAsync();
        var first = await team.ContributorApi.StartAsync(team.OrganisationId);

        var second = await team.AdminApi.PostAsJsonAsync("/api/v1/assessments", new { organisationId = team.OrganisationId });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.ProblemAsync();
        Assert.Equal(first.Id, problem.GetProperty("assessmentId").GetGuid());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.OrganisationId == team.OrganisationId)));
    }

    [Fact]
    public async Task Two_colleagues_starting_the_same_round_at_once_get_one_assessment()
    {
        using var team = await factory.CreateTeamAsync();

        var responses = await Task.WhenAll(
            team.AdminApi.PostAsJsonAsync("/api/v1/assessments", new { organisationId = team.OrganisationId }),
            team.ContributorApi.PostAsJsonAsync("/api/v1/assessments", new { organisationId = team.OrganisationId }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.OrganisationId == team.OrganisationId)));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(1)]
    public async Task A_round_other_than_this_year_or_last_is_refused(int yearsFromNow)
    {
        using var team = await factory.CreateTeamAsync();

        var response = await team.AdminApi.PostAsJsonAsync("/api/v1/assessments", new { organisationId = team.OrganisationId, round = AssessmentScenario.ThisYear + yearsFromNow });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("round", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.OrganisationId == team.OrganisationId)));
    }

    [Fact]
    public async Task Each_answer_is_saved_with_a_version_that_the_next_change_must_name()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        const string key = "governance.leadership";

        var first = await team.ContributorApi.AnswerAsync(assessment.Id, key, new { level = 2, note = "Board agreed in March.", evidenceUrl = "https://example.eu/minutes", version = 0 });
        var second = await team.AdminApi.AnswerAsync(assessment.Id, key, new { level = 3, version = first.Version });

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        var stored = (await team.ViewerApi.GetAssessmentAsync(assessment.Id)).FindAnswer(key)!;
        Assert.Equal(3, stored.Level);
        Assert.Equal("level", stored.Choice);
        Assert.Null(stored.Note);
        Assert.Equal(2, stored.Version);
        Assert.Equal(team.Admin.Id, stored.UpdatedBy.Id);
    }

    [Fact]
    public async Task Answers_come_in_any_order_with_dont_know_and_not_applicable_and_progress_counts_them_per_section()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);

        await team.ContributorApi.AnswerAsync(assessment.Id, "networking.living_labs", new { choice = "not_applicable", version = 0 });
        await team.ContributorApi.AnswerAsync(assessment.Id, "service_design.co_design", new { choice = "dont_know", version = 0 });
        await team.ContributorApi.AnswerAsync(assessment.Id, "service_design.user_research", new { level = 5, version = 0 });
        await team.ContributorApi.AnswerAsync(assessment.Id, "general.population_served", new { value = 52000, version = 0 });

        var read = await team.ViewerApi.GetAssessmentAsync(assessment.Id);
        Assert.Equal(["general.population_served", "service_design.user_research", "service_design.co_design", "networking.living_labs"],
            read.Answers.Select(a => a.QuestionKey));
        var serviceDesign = read.Progress.Single(p => p.Key == "service_design");
        Assert.Equal(2, serviceDesign.Answered);
        Assert.Equal(8, serviceDesign.Total);
        Assert.Equal(6, serviceDesign.RequiredUnanswered);
        Assert.Equal(1, read.Progress.Single(p => p.Key == "networking").Answered);
        Assert.Equal(1, read.Progress.Single(p => p.Key == "general").Answered);
        Assert.Equal("52000", read.FindAnswer("general.population_served")!.Value);
    }

    [Fact]
    public async Task A_write_based_on_a_stale_version_is_refused_with_the_newer_answer_and_changes_nothing()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        const string key = "technology.cloud";
        var mine = await team.ContributorApi.AnswerAsync(assessment.Id, key, new { level = 2, version = 0 });
        var theirs = await team.AdminApi.AnswerAsync(assessment.Id, key, new { level = 4, note = "We moved to the regional cloud.", version = mine.Version });
        var before = await factory.AssessmentSnapshotAsync();

        var stale = await team.ContributorApi.PutAnswerAsync(assessment.Id, key, new { level = 1, version = mine.Version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.ProblemAsync();
        Assert.Equal("stale", problem.GetProperty("reason").GetString());
        Assert.Equal(theirs.Version, problem.GetProperty("currentVersion").GetInt32());
        var current = problem.GetProperty("current");
        Assert.Equal(4, current.GetProperty("level").GetInt32());
        Assert.Equal("We moved to the regional cloud.", current.GetProperty("note").GetString());
        Assert.Equal(theirs.Version, current.GetProperty("version").GetInt32());
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task A_first_answer_sent_as_new_when_a_colleague_already_answered_is_refused_with_theirs()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.AdminApi.AnswerAsync(assessment.Id, "technology.open_source", new { level = 3, version = 0 });

        var late = await team.ContributorApi.PutAnswerAsync(assessment.Id, "technology.open_source", new { level = 5, version = 0 });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(3, (await late.ProblemAsync()).GetProperty("current").GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task Colleagues_answering_one_question_at_the_same_moment_never_overwrite_each_other_silently()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? team.ContributorApi : team.AdminApi).PutAnswerAsync(assessment.Id, "data_management.open_data", new { level = 1 + (i % 5), version = 0 })));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r != winner), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var saved = (await winner.Content.ReadFromJsonAsync<AnswerDto>(AssessmentScenario.Json))!;
        var stored = (await team.ViewerApi.GetAssessmentAsync(assessment.Id)).FindAnswer("data_management.open_data")!;
        Assert.Equal(saved.Level, stored.Level);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Many_writers_on_different_questions_at_once_lose_no_answer_and_each_write_moves_the_assessment_version()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        var keys = factory.Questionnaire().Topics.SelectMany(t => t.Questions).Select(q => q.Key).Take(20).ToList();

        var responses = await Task.WhenAll(keys.Select((key, i) =>
            (i % 2 == 0 ? team.ContributorApi : team.AdminApi).PutAnswerAsync(assessment.Id, key, new { level = 1 + (i % 5), version = 0 })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = await factory.WithDbAsync(db => db.Answers.Where(a => a.AssessmentId == assessment.Id).ToListAsync());
        Assert.Equal(keys.Order(), stored.Select(a => a.QuestionKey).Order());
        Assert.All(stored, a => Assert.Equal(1 + (keys.IndexOf(a.QuestionKey) % 5), a.Level));
        Assert.Equal(assessment.Version + keys.Count, await factory.WithDbAsync(db => db.Assessments.Where(a => a.Id == assessment.Id).Select(a => a.Version).SingleAsync()));
    }

    [Fact]
    public async Task A_good_practice_is_saved_per_topic_with_its_own_version()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);

        var first = await team.ContributorApi.PutAsJsonAsync($"/api/v1/assessments/{assessment.Id}/good-practices/interoperability",
            new { solutionName = "Open data portal", url = "https://data.example.eu", achievement = "300 datasets published.", version = 0 });
        var stale = await team.AdminApi.PutAsJsonAsync($"/api/v1/assessments/{assessment.Id}/good-practices/interoperability",
            new { solutionName = "Something else", version = 0 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var practice = Assert.Single((await team.ViewerApi.GetAssessmentAsync(assessment.Id)).GoodPractices);
        Assert.Equal("Open data portal", practice.SolutionName);
        Assert.Equal(1, practice.Version);
    }

    [Fact]
    public async Task The_organisations_rounds_are_listed_newest_first_for_every_member()
    {
        using var team = await factory.CreateTeamAsync();
        await team.ContributorApi.StartAsync(team.OrganisationId, AssessmentScenario.ThisYear - 1);
        await team.ContributorApi.StartAsync(team.OrganisationId);

        var response = await team.ViewerApi.GetAsync($"/api/v1/organisations/{team.OrganisationId}/assessments");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = (await response.Content.ReadFromJsonAsync<OrganisationAssessmentsDto>(AssessmentScenario.Json))!;
        Assert.Equal([AssessmentScenario.ThisYear, AssessmentScenario.ThisYear - 1], list.Assessments.Select(a => a.Round));
        Assert.False(list.CanStart);
    }

    [Fact]
    public async Task Starting_next_round_from_the_previous_one_copies_its_answers_as_a_new_draft()
    {
        using var team = await factory.CreateTeamAsync();
        var last = await team.AdminApi.StartAsync(team.OrganisationId, AssessmentScenario.ThisYear - 1);
        await team.AdminApi.AnswerAsync(last.Id, "governance.skills", new { level = 4, note = "Academy running.", version = 0 });
        await team.AdminApi.AnswerAsync(last.Id, "governance.funding", new { choice = "dont_know", version = 0 });
        await team.AdminApi.AnswerAsync(last.Id, "general.authority_type", new { value = "city", version = 0 });
        await team.AdminApi.PutAsJsonAsync($"/api/v1/assessments/{last.Id}/good-practices/governance", new { solutionName = "Digital academy", version = 0 });
        await factory.WithDbAsync(db => db.Assessments.Where(a => a.Id == last.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssessmentStatus.Submitted).SetProperty(a => a.SubmittedAt, DateTimeOffset.UtcNow)));

        var next = await team.ContributorApi.StartAsync(team.OrganisationId, copyPrevious: true);

        Assert.Equal(AssessmentStatus.Draft, next.Status);
        Assert.Equal(last.Id, next.CopiedFromId);
        Assert.Equal(["general.authority_type", "governance.funding", "governance.skills"], next.Answers.Select(a => a.QuestionKey).Order());
        var skills = next.FindAnswer("governance.skills")!;
        Assert.Equal((4, "Academy running.", 1, team.Contributor.Id), (skills.Level!.Value, skills.Note!, skills.Version, skills.UpdatedBy.Id));
        Assert.Equal("dont_know", next.FindAnswer("governance.funding")!.Choice);
        Assert.Equal("Digital academy", Assert.Single(next.GoodPractices).SolutionName);
        var previous = await team.ViewerApi.GetAssessmentAsync(last.Id);
        Assert.Equal(AssessmentStatus.Submitted, previous.Status);
        Assert.Equal(3, previous.Answers.Count);
    }

    [Fact]
    public async Task Copying_when_there_is_no_earlier_round_is_refused_and_starts_nothing()
    {
        using var team = await factory.CreateTeamAsync();

        var response = await team.AdminApi.PostAsJsonAsync("/api/v1/assessments", new { organisationId = team.OrganisationId, copyPrevious = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("copyPrevious", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.OrganisationId == team.OrganisationId)));
    }

    [Fact]
    public async Task The_api_reference_describes_every_assessment_endpoint()
    {
        using var client = factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[]
        {
            "/api/v1/assessments", "/api/v1/assessments/{id}", "/api/v1/assessments/{id}/answers/{questionKey}",
            "/api/v1/assessments/{id}/good-practices/{topicKey}", "/api/v1/assessments/{id}/submit", "/api/v1/assessments/{id}/results",
            "/api/v1/assessments/{id}/export.csv", "/api/v1/assessments/{id}/export.json", "/api/v1/organisations/{id}/assessments",
        })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}
