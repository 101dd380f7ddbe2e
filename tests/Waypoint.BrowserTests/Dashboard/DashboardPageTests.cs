using Microsoft.Playwright;
using Waypoint.BrowserTests.Assessments;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Data.Organisations;
using Waypoint.Tests.Benchmarks;
using Waypoint.Tests.Organisations;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    private const string OverallRow = "#measures-table tr[data-measure='overall']";

    [Fact]
    public Task A_member_compares_with_peers_sets_a_target_and_sees_a_peers_submission_without_reloading() => BrowseAsync(async page =>
    {
        var ids = await Server.AddSubmissionsAsync("SK", BenchmarkTestData.Scores(20, 30, 40, 50, 60, 70));
        var admin = await Server.AddMemberAsync(ids[2], OrganisationRole.Admin);
        await page.SignInAsync(admin);

        await page.GotoAsync($"organisations/{ids[2]}/dashboard");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dashboard of");
        await Expect(page.Locator($"{OverallRow} [data-field='score']")).ToHaveTextAsync("40.0");
        await Expect(page.Locator($"{OverallRow} [data-field='median']")).ToHaveTextAsync("45.0");
        await Expect(page.Locator("#box-plot .box-own").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.getElementById('dashboard-radar'))"), "The radar chart is not drawn.");
        Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.getElementById('dashboard-progress'))"), "The progress chart is not drawn.");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Another peer group, then a target.
        await page.GetByRole(AriaRole.Link, new() { Name = "All of Europe", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-selected-group]")).ToHaveAttributeAsync("data-selected-group", "europe");
        await Expect(page.Locator($"{OverallRow} [data-field='count']")).ToHaveTextAsync("6");
        await page.GetByLabel("Governance", new() { Exact = true }).FillAsync("75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the targets" }).ClickAsync();
        await Expect(page.Locator(".notice-success")).ToContainTextAsync("The targets are saved.");
        await Expect(page.Locator("#targets-table tr[data-target='governance'] [data-field='gap']")).ToHaveTextAsync("35.0");
        await Expect(page.Locator("[data-selected-group]")).ToHaveAttributeAsync("data-selected-group", "europe");
        await Expect(page.Locator("#box-plot g.box-row[data-measure='governance'] .box-target")).ToHaveCountAsync(1);
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Three peers submit: the figures change on the open page, without a reload, within five seconds.
        var url = page.Url;
        await Server.AddSubmissionsAsync("SK", BenchmarkTestData.Scores(90, 90, 90));
        var timeout = new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 };
        await Expect(page.Locator($"{OverallRow} [data-field='count']")).ToHaveTextAsync("9", timeout);
        await Expect(page.Locator($"{OverallRow} [data-field='median']")).ToHaveTextAsync("60.0", timeout);
        await Expect(page.Locator($"{OverallRow} [data-field='rank']")).ToHaveTextAsync("27.8"); // 2 below, 1 equal of 9
        await Expect(page.Locator("#dashboard-status")).ToContainTextAsync("Figures updated at");
        Assert.Equal(url, page.Url);
        Assert.Equal(60.0, await page.EvaluateAsync<double>("() => Chart.getChart(document.getElementById('dashboard-radar')).data.datasets[1].data[0]"));
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    });
}

/// <summary>A fixture of its own: the test above adds peers to all of Europe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardWithoutScriptTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    private const string OverallRow = "#measures-table tr[data-measure='overall']";

    [Fact]
    public Task Without_javascript_the_dashboard_shows_every_figure_in_tables_and_box_plots() =>
        BrowseAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }, async page =>
        {
            var ids = await Server.AddSubmissionsAsync("BG", BenchmarkTestData.Scores(10, 20, 30, 40, 50));
            var viewer = await Server.AddMemberAsync(ids[0], OrganisationRole.Viewer);
            await page.SignInAsync(viewer);

            await page.GotoAsync($"organisations/{ids[0]}/dashboard?group=country");

            await Expect(page.Locator($"{OverallRow} [data-field='median']")).ToHaveTextAsync("30.0");
            await Expect(page.Locator("#box-plot .box-iqr").First).ToBeVisibleAsync();
            await Expect(page.Locator("#groups-table tr[data-group='country'] [data-field='rank']")).ToHaveTextAsync("10.0");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the targets" })).ToHaveCountAsync(0);
        });
}

/// <summary>On a server of its own: its ten Slovenian organisations would change the other dashboard tests' groups.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardSyntheticPageTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    [Fact]
    public Task A_synthetic_organisation_says_so_and_its_peer_group_says_how_many_are_synthetic() => BrowseAsync(async page =>
    {
        // All synthetic, as in a demonstration: the number is given (with real peers among them it says "some").
        var ids = await Server.AddSubmissionsAsync("SI", [.. Enumerable.Range(0, 10).Select(i => new Submission(40 + i, Synthetic: true))]);
        var viewer = await Server.AddMemberAsync(ids[0], OrganisationRole.Viewer);
        await page.SignInAsync(viewer);

        await page.GotoAsync($"organisations/{ids[0]}/dashboard?group=country");
        await Expect(page.GetByTestId("synthetic-notice")).ToContainTextAsync("Synthetic data");
        await Expect(page.GetByTestId("synthetic-members")).ToHaveTextAsync("10 of these organisations are synthetic (Synthetic Europe).");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    });
}
