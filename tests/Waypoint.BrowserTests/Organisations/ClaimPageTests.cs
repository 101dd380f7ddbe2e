using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Organisations;

[Collection(BrowserCollection.Name)]
public sealed class ClaimPageTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    [Fact]
    public Task A_claim_sent_empty_shows_what_to_fix_in_an_error_summary_that_takes_the_focus_and_links_to_each_field() => BrowseAsync(async page =>
    {
        var malmo = await Server.WithDbAsync(db => db.Authorities.Where(a => a.Code == "SE_1280").Select(a => a.Id).SingleAsync());
        await SignInAsync(page, await Server.CreateUserAsync());
        await page.GotoAsync($"/organisations/claim?authorityId={malmo}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send my claim" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your job title." })).ToHaveAttributeAsync("href", "#JobTitle");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Explain why you may speak for this authority" })).ToHaveAttributeAsync("href", "#Justification");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your job title." }).ClickAsync();
        await Expect(page.GetByLabel("Your job title")).ToBeFocusedAsync();
    });
}
