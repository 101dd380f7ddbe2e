using System.Net;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Dashboard;

/// <summary>Nine organisations of one country with overall scores 10, 20, … 90: the one with 50 is in the middle.</summary>
public sealed class DashboardFiguresTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static readonly double[] Scores = [10, 20, 30, 40, 50, 60, 70, 80, 90];

    [Fact]
    public async Task A_member_reads_the_median_quartiles_and_percentile_rank_computed_from_the_peers_scores()
    {
        var peers = await factory.ArrangeAsync("LU", Scores, ownIndex: 4);
        using var api = await factory.CreateApiClientAsync(peers.Viewer);

        var own = await api.OwnJsonAsync(peers.Own);

        var overall = own.GroupOf("country").MeasureOf("overall");
        Assert.Equal(50, overall.GetProperty("score").GetDouble());
        Assert.Equal(50, overall.GetProperty("percentileRank").GetDouble());
        var group = overall.GetProperty("group");
        Assert.False(group.GetProperty("suppressed").GetBoolean());
        Assert.Equal(9, group.GetProperty("count").GetInt32());
        Assert.Equal(50, group.GetProperty("median").GetDouble());
        Assert.Equal(30, group.GetProperty("q1").GetDouble());
        Assert.Equal(70, group.GetProperty("q3").GetDouble());
        Assert.Equal(18, group.GetProperty("p10").GetDouble());
        Assert.Equal(82, group.GetProperty("p90").GetDouble());
    }

    [Fact]
    public async Task The_dashboard_page_shows_the_same_figures_in_its_tables_and_box_plots()
    {
        var peers = await factory.ArrangeAsync("MT", Scores, ownIndex: 6);
        using var browser = await factory.CreateBrowserClientAsync(peers.Viewer);

        var page = await browser.PageAsync(peers.DashboardUrl + "?group=country");

        const string row = "#measures-table tr[data-measure='overall']";
        Assert.Equal("70.0", page.Cell(row, "score"));
        Assert.Equal("72.2", page.Cell(row, "rank")); // 6 below and 1 equal of 9: (6 + 0.5) / 9
        Assert.Equal("9", page.Cell(row, "count"));
        Assert.Equal("50.0", page.Cell(row, "median"));
        Assert.Equal("30.0", page.Cell(row, "q1"));
        Assert.Equal("70.0", page.Cell(row, "q3"));
        Assert.Equal("country", page.QuerySelector("[data-selected-group]")!.GetAttribute("data-selected-group"));
        // The box plot of the overall score: the median at 50 on a 400-wide axis starting at 225, the own dot at 70.
        var box = page.QuerySelector("#box-plot g.box-row[data-measure='overall']")!;
        Assert.Equal("425", box.QuerySelector(".box-median")!.GetAttribute("x1"));
        Assert.Equal("505", box.QuerySelector(".box-own")!.GetAttribute("cx"));
        Assert.NotNull(page.QuerySelector("canvas#dashboard-radar"));
        Assert.NotNull(page.QuerySelector("#progress-table"));
    }

    [Fact]
    public async Task A_custom_group_from_the_form_is_compared_and_a_wrong_region_code_is_a_form_error()
    {
        var peers = await factory.ArrangeAsync("CY", Scores, ownIndex: 2);
        using var browser = await factory.CreateBrowserClientAsync(peers.Viewer);

        var page = await browser.PageAsync(peers.DashboardUrl + "?group=custom&country=CY&type=Municipality");
        Assert.Equal("custom", page.QuerySelector("[data-selected-group]")!.GetAttribute("data-selected-group"));
        Assert.Equal("50.0", page.Cell("#measures-table tr[data-measure='overall']", "median"));

        var wrong = await browser.GetAsync(peers.DashboardUrl + "?group=custom&nuts2=XX9");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var document = await FormPoster.ParseAsync(wrong);
        Assert.Contains("is not a NUTS-2 code", document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".error-summary a[href='#custom-nuts2']"));
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_gets_not_found_from_the_page_and_the_api()
    {
        var peers = await factory.ArrangeAsync("EE", Scores, ownIndex: 0);
        var stranger = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(stranger);
        using var api = await factory.CreateApiClientAsync(stranger);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(peers.DashboardUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/benchmarks/me?organisationId={peers.Own}")).StatusCode);
    }

    [Fact]
    public async Task The_own_figures_answer_not_modified_until_a_target_changes_them()
    {
        var peers = await factory.ArrangeAsync("LV", Scores, ownIndex: 3);
        using var api = await factory.CreateApiClientAsync(peers.Contributor);
        var url = $"/api/v1/benchmarks/me?organisationId={peers.Own}";
        var first = await api.GetAsync(url);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.NotModified, (await api.SendAsync(again)).StatusCode);

        var put = await api.PutAsync($"/api/v1/organisations/{peers.Own}/targets/governance", System.Net.Http.Json.JsonContent.Create(new { target = 75 }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var afterTarget = new HttpRequestMessage(HttpMethod.Get, url);
        afterTarget.Headers.IfNoneMatch.Add(tag);
        var changed = await api.SendAsync(afterTarget);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
    }
}
