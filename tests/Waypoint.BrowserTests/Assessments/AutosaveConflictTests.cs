using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Data.Organisations;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Assessments;

/// <summary>Autosave with a colleague at work on the same questions: nothing is overwritten without a choice.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AutosaveConflictTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    [Fact]
    public Task A_colleagues_newer_answer_is_shown_and_the_person_chooses_to_keep_theirs_or_take_it() => BrowseAsync(async page =>
    {
        var organisation = await Server.CreateOrganisationAsync();
        var colleague = await Server.AddMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        using var colleagueApi = await Server.CreateApiClientAsync(colleague);
        var started = await colleagueApi.PostAsJsonAsync("/api/v1/assessments", new { organisationId = organisation.OrganisationId });
        var assessmentId = (await started.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await page.SignInAsync(organisation.Admin);
        await page.GotoAsync($"assessments/{assessmentId}/topics/technology");

        // While the page is open, the colleague answers two questions.
        await colleagueApi.PutAsJsonAsync($"/api/v1/assessments/{assessmentId}/answers/technology.cloud", new { level = 2, note = "Mostly on premises.", version = 0 });
        await colleagueApi.PutAsJsonAsync($"/api/v1/assessments/{assessmentId}/answers/technology.cybersecurity", new { level = 5, version = 0 });

        var cloud = page.Locator("fieldset[data-question='technology.cloud']");
        await cloud.GetByLabel("Level 4").CheckAsync();
        await Expect(cloud.Locator("[data-role=status]")).ToContainTextAsync("A colleague saved another answer");
        await Expect(cloud.Locator("[data-role=status]")).ToContainTextAsync("Level 2");
        await Expect(cloud.Locator("[data-role=status]")).ToContainTextAsync("Mostly on premises.");
        await Expect(page.Locator("#autosave-status")).ToContainTextAsync("A colleague saved another answer");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await cloud.GetByRole(AriaRole.Button, new() { Name = "Keep my answer" }).ClickAsync();
        await Expect(cloud.Locator("[data-role=status]")).ToHaveTextAsync("Saved");

        var security = page.Locator("fieldset[data-question='technology.cybersecurity']");
        await security.GetByLabel("Level 1").CheckAsync();
        await security.GetByRole(AriaRole.Button, new() { Name = "Use their answer" }).ClickAsync();
        await Expect(security.GetByLabel("Level 5")).ToBeCheckedAsync();

        var stored = await Server.WithDbAsync(db => db.Answers.Where(a => a.AssessmentId == assessmentId)
            .ToDictionaryAsync(a => a.QuestionKey, a => (a.Level, a.Version)));
        Assert.Equal((4, 2), stored["technology.cloud"]);
        Assert.Equal((5, 1), stored["technology.cybersecurity"]);

        // Saving the whole form afterwards changes nothing more: both are stored as the form shows them.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save Technology" }).ClickAsync();
        await Expect(page.Locator(".notice-success")).ToContainTextAsync("Technology");
        var after = await Server.WithDbAsync(db => db.Answers.Where(a => a.AssessmentId == assessmentId)
            .ToDictionaryAsync(a => a.QuestionKey, a => (a.Level, a.Version)));
        Assert.Equal(stored, after);
    });
}
