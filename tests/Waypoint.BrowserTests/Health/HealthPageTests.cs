using Waypoint.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Health;

[Collection(BrowserCollection.Name)]
public sealed class HealthPageTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    [Fact]
    public Task The_health_address_answers_healthy_in_a_browser() => BrowseAsync(async page =>
    {
        var response = await page.GotoAsync("/health");

        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("body")).ToHaveTextAsync("Healthy");
    });
}
