using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Tests.Benchmarks;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Analytics;

/// <summary>The public analytics page (/analytics): a visitor narrows the figures with the filters, reads the map and
/// its tables, and downloads the statistics.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalyticsPageTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    [Fact]
    public Task A_visitor_filters_by_topic_and_type_sees_the_map_and_tables_change_and_downloads_the_CSV() => BrowseAsync(async page =>
    {
        // Twenty German municipalities: overall 40 to 59 (median 49.5); Governance 70 to 89 (median 79.5).
        await Server.AddSubmissionsAsync("DE", [.. Enumerable.Range(0, 20).Select(i =>
            new Submission(40 + i, [10 + i, 70 + i, 20 + i, 20 + i, 20 + i, 20 + i, 20 + i]))]);

        await page.GotoAsync("/analytics");
        var germany = page.Locator("#map-table tr[data-code=DE]");
        await Expect(germany).ToContainTextAsync("49.5");
        await Expect(page.Locator("svg.choropleth path[data-code=DE] title")).ToHaveTextAsync("Germany (DE): median 49.5, 20 organisations");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.GetByLabel("Topic", new() { Exact = true }).SelectOptionAsync("governance");
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("Municipality");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("topic=governance"));
        await Expect(germany).ToContainTextAsync("79.5");
        await Expect(page.Locator("svg.choropleth path[data-code=DE]")).ToHaveAttributeAsync("class", "map-bin-5");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Median Governance by country" })).ToBeVisibleAsync();
        var byType = page.Locator("#by-type-table tbody tr", new() { HasText = "Municipalities" });
        await Expect(byType).ToContainTextAsync("79.5");
        var ranking = page.Locator("#ranking-table tbody tr").First;
        await Expect(ranking).ToContainTextAsync("Governance");

        // Every chart on the page is followed by the table of its figures.
        foreach (var chart in await page.Locator("svg[role=img]").AllAsync())
        {
            var table = chart.Locator("xpath=ancestor::*[self::figure][1]/following-sibling::table[1]");
            await Expect(table).ToHaveCountAsync(1);
        }

        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("Region");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(germany).ToContainTextAsync("Not shown: fewer than 5 organisations.");
        await Expect(page.Locator("svg.choropleth path[data-code=DE]")).ToHaveAttributeAsync("class", "map-hidden");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("Municipality");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the statistics as CSV" }).ClickAsync());
        Assert.Equal("waypoint-benchmarks-2026-municipality-governance.csv", download.SuggestedFilename);
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("round,place_level,place_code", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("2026,country,DE,", StringComparison.Ordinal) && l.Contains(",Municipality,all,governance,shown,,20,", StringComparison.Ordinal));
    });
}
