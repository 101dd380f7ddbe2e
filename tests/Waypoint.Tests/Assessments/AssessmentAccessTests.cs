using System.Net;
using System.Net.Http.Json;
using Waypoint.Data.Accounts;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Assessments;

/// <summary>Viewers read, contributors and admins answer, admins submit; everyone else gets 404.</summary>
public sealed class AssessmentAccessTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_member_of_another_organisation_can_neither_read_nor_write_the_assessment_and_learns_nothing()
    {
        using var a = await factory.CreateTeamAsync();
        using var b = await factory.CreateTeamAsync();
        var assessmentOfB = await b.ContributorApi.StartAsync(b.OrganisationId);
        var before = await factory.AssessmentSnapshotAsync();

        var responses = new[]
        {
            await a.AdminApi.GetAsync($"/api/v1/assessments/{assessmentOfB.Id}"),
            await a.AdminApi.GetAsync($"/api/v1/assessments/{assessmentOfB.Id}/results"),
            await a.AdminApi.GetAsync($"/api/v1/assessments/{assessmentOfB.Id}/export.csv"),
            await a.AdminApi.GetAsync($"/api/v1/organisations/{b.OrganisationId}/assessments"),
            await a.AdminApi.PutAnswerAsync(assessmentOfB.Id, "governance.skills", new { level = 1, version = 0 }),
            await a.AdminApi.PutAsJsonAsync($"/api/v1/assessments/{assessmentOfB.Id}/good-practices/governance", new { solutionName = "x", version = 0 }),
            await a.AdminApi.PostAsync($"/api/v1/assessments/{assessmentOfB.Id}/submit", null),
            await a.AdminApi.PostAsJsonAsync("/api/v1/assessments", new { organisationId = b.OrganisationId, round = AssessmentScenario.ThisYear - 1 }),
        };
        var unknown = await a.AdminApi.GetAsync($"/api/v1/assessments/{Guid.NewGuid()}");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal((await unknown.ProblemAsync()).GetProperty("detail").GetString(), (await responses[0].ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task A_viewer_reads_the_assessment_but_cannot_start_answer_or_submit()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        var before = await factory.AssessmentSnapshotAsync();

        var read = await team.ViewerApi.GetAsync($"/api/v1/assessments/{assessment.Id}");
        var answer = await team.ViewerApi.PutAnswerAsync(assessment.Id, "governance.skills", new { level = 4, version = 0 });
        var practice = await team.ViewerApi.PutAsJsonAsync($"/api/v1/assessments/{assessment.Id}/good-practices/governance", new { solutionName = "x", version = 0 });
        var submit = await team.ViewerApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null);
        var start = await team.ViewerApi.PostAsJsonAsync("/api/v1/assessments", new { organisationId = team.OrganisationId, round = AssessmentScenario.ThisYear - 1 });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("contributor", (await answer.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, practice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task A_platform_admin_outside_the_organisation_reads_but_does_not_answer()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        var platformAdmin = await factory.CreateUserAsync(roles: PlatformRoles.Admin);
        using var api = await factory.CreateApiClientAsync(platformAdmin);

        var read = await api.GetAsync($"/api/v1/assessments/{assessment.Id}");
        var answer = await api.PutAnswerAsync(assessment.Id, "governance.skills", new { level = 4, version = 0 });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task Without_signing_in_the_api_answers_401_and_the_pages_show_nothing()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var api = await anonymous.GetAsync($"/api/v1/assessments/{assessment.Id}");
        var page = await anonymous.GetAsync($"/assessments/{assessment.Id}");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        // A redirect to the sign-in page (or a 401 while sign-in pages are not there): never the assessment.
        Assert.Contains(page.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Unauthorized });
        Assert.DoesNotContain(assessment.OrganisationName, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_of_another_organisations_assessment_are_not_found()
    {
        using var a = await factory.CreateTeamAsync();
        using var b = await factory.CreateTeamAsync();
        var assessmentOfB = await b.ContributorApi.StartAsync(b.OrganisationId);
        using var browser = await factory.CreateBrowserClientAsync(a.Admin);

        foreach (var path in new[] { "", "/topics/governance", "/review", "/results" })
        {
            var response = await browser.GetAsync($"/assessments/{assessmentOfB.Id}{path}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/organisations/{b.OrganisationId}/assessments")).StatusCode);
    }
}
