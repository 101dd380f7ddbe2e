using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Organisations;
using Waypoint.Features.Assessments;
using Waypoint.Features.Recommendations;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Recommendations;

public sealed class RecommendationsApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    /// <summary>Everything answered at level 4, except the data inventory (level 1) and cybersecurity (level 2).</summary>
    internal static async Task<AssessmentDto> SubmittedAsync(WaypointFactory factory, AssessmentScenario.Team team)
    {
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerEverythingAsync(assessment.Id, factory.Questionnaire(), (q, _) => q.Key switch
        {
            "data_management.data_inventory" => 1,
            "technology.cybersecurity" => 2,
            _ => 4,
        });
        var response = await team.AdminApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return assessment;
    }

    [Fact]
    public async Task A_submitted_assessment_gets_the_recommendations_its_answers_trigger_each_with_the_answer_that_triggered_it()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await SubmittedAsync(factory, team);

        var response = await team.ViewerApi.GetAsync($"/api/v1/assessments/{assessment.Id}/recommendations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<AssessmentRecommendationsDto>(AssessmentScenario.Json))!;
        Assert.Equal("local", result.Level);
        var all = result.Topics.SelectMany(t => t.Recommendations).ToList();
        Assert.Equal(result.Count, all.Count);
        var inventory = Assert.Single(all, r => r.Key == "local-data-inventory");
        var reason = Assert.Single(inventory.Because);
        Assert.Equal(("data_management.data_inventory", "Data inventory and catalogue", 1), (reason.QuestionKey, reason.QuestionTitle, reason.Level));
        Assert.Equal("No list of the data the authority holds exists.", reason.LevelText);
        Assert.Contains(inventory.Catalogue, c => c.Key == "dcat-ap" && c.Url == "/toolbox/dcat-ap"
            && c.Name == "DCAT Application Profile for data portals in Europe (DCAT-AP)");
        Assert.Contains(all, r => r.Key == "local-cybersecurity");
        // Every topic is at 75 (Advanced), so the advanced recommendations of each topic apply by band.
        Assert.Contains(all, r => r.Key == "local-governance-advanced" && r.ByBand);
        Assert.DoesNotContain(all, r => r.Level != "local");
        Assert.DoesNotContain(all, r => r.Key == "local-governance-foundations");
        Assert.Equal(["data_management", "technology"], result.Topics.Select(t => t.TopicKey).Where(k => k is "data_management" or "technology"));
    }

    [Fact]
    public async Task A_draft_has_no_recommendations_yet()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);

        var response = await team.ViewerApi.GetAsync($"/api/v1/assessments/{assessment.Id}/recommendations");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("submitted", (await response.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_outside_the_organisation_gets_404_even_a_platform_admin()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await SubmittedAsync(factory, team);
        var outsider = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(roles: Waypoint.Data.Accounts.PlatformRoles.Admin);
        using var outsiderApi = await factory.CreateApiClientAsync(outsider);
        using var adminApi = await factory.CreateApiClientAsync(admin);
        using var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await outsiderApi.GetAsync($"/api/v1/assessments/{assessment.Id}/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminApi.GetAsync($"/api/v1/assessments/{assessment.Id}/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderApi.GetAsync($"/api/v1/assessments/{Guid.NewGuid()}/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/assessments/{assessment.Id}/recommendations")).StatusCode);
    }

    [Fact]
    public async Task The_results_page_lists_the_recommendations_with_because_you_answered()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await SubmittedAsync(factory, team);
        using var browser = await factory.CreateBrowserClientAsync(team.Viewer);

        var html = await browser.GetStringAsync($"/assessments/{assessment.Id}/results");

        Assert.Contains("data-recommendation=\"local-data-inventory\"", html, StringComparison.Ordinal);
        Assert.Contains("Because you answered:", html, StringComparison.Ordinal);
        // Named as the toolbox names it, not by its key.
        Assert.Contains("href=\"/toolbox/dcat-ap\">DCAT Application Profile for data portals in Europe (DCAT-AP)</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seeder_adds_the_library_and_keeps_what_an_editor_changed()
    {
        var library = factory.Services.GetService(typeof(RecommendationLibrary)) as RecommendationLibrary;
        var entry = library!.Entries.First(e => e.Key == "local-open-data");
        var other = library.Entries.First(e => e.Key == "local-apis");
        await factory.WithDbAsync(async db =>
        {
            var edited = await db.Recommendations.SingleAsync(r => r.Key == entry.Key);
            edited.Title = "An editor's title";
            edited.EditedAt = DateTimeOffset.UtcNow;
            var stale = await db.Recommendations.SingleAsync(r => r.Key == other.Key);
            stale.Title = "An old title from an earlier library file";
            stale.SourceDigest = "old";
            await db.SaveChangesAsync();
        });

        await factory.WithDbAsync(async db =>
        {
            var seeder = new RecommendationSeeder(library, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<RecommendationSeeder>.Instance);
            await seeder.SeedAsync(db, CancellationToken.None);
            await seeder.SeedAsync(db, CancellationToken.None);
        });

        var rows = await factory.WithDbAsync(db => db.Recommendations.AsNoTracking().ToDictionaryAsync(r => r.Key));
        Assert.Equal(library.Entries.Length, rows.Count);
        Assert.Equal("An editor's title", rows[entry.Key].Title);
        Assert.Equal(other.Title, rows[other.Key].Title);
    }
}
