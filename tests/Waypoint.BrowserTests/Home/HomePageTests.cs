using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Home;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    [Fact]
    public Task The_home_page_loads_with_its_heading_and_the_site_stylesheet() => BrowseAsync(async page =>
    {
        var response = await page.GotoAsync("/");

        Assert.Equal(200, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Digital maturity for Europe's public authorities");
        await Expect(page).ToHaveTitleAsync("Digital maturity for Europe's public authorities · Waypoint");
        // The header's brand colour comes from site.css: the stylesheet was served and applied.
        await Expect(page.Locator(".site-header")).ToHaveCSSAsync("background-color", "rgb(11, 79, 156)");
    });

    [Fact]
    public Task The_home_page_has_no_serious_or_critical_accessibility_violations() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    });
}
