using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Errors;

[Collection(BrowserCollection.Name)]
public sealed class ErrorPageTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    [Fact]
    public Task An_unknown_address_shows_the_page_not_found_page_with_status_404() => BrowseAsync(async page =>
    {
        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the home page" })).ToHaveAttributeAsync("href", "/");
    });

    [Fact]
    public Task The_page_not_found_page_has_no_serious_or_critical_accessibility_violations() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/no-such-page");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    });
}
