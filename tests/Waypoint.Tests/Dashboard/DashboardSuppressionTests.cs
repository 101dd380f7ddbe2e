using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Dashboard;

/// <summary>Only four organisations submitted: every peer group is smaller than five, so no statistic may show.</summary>
public sealed class DashboardSuppressionTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    // Scores no statistic of the four could hide behind: each peer's own score, and their median, quartiles and mean.
    private static readonly double[] Scores = [11.1, 23.3, 37.7, 44.4];
    private static readonly string[] PeerFigures = ["23.3", "37.7", "44.4", "30.5", "20.2", "20.3", "39.4", "14.8", "42.4", "29.1"];

    [Fact]
    public async Task A_group_of_fewer_than_five_shows_no_figure_in_the_page_or_the_api()
    {
        var peers = await factory.ArrangeAsync("SI", Scores, ownIndex: 0);
        using var api = await factory.CreateApiClientAsync(peers.Viewer);
        using var browser = await factory.CreateBrowserClientAsync(peers.Viewer);

        var response = await api.GetAsync($"/api/v1/benchmarks/me?organisationId={peers.Own}&country=SI");
        var json = await response.Content.ReadAsStringAsync();
        var html = await (await browser.GetAsync(peers.DashboardUrl + "?group=custom&country=SI")).Content.ReadAsStringAsync();

        var own = System.Text.Json.JsonDocument.Parse(json).RootElement;
        foreach (var group in own.GetProperty("groups").EnumerateArray())
        {
            foreach (var measure in group.GetProperty("measures").EnumerateArray())
            {
                Assert.True(measure.GetProperty("group").GetProperty("suppressed").GetBoolean());
                Assert.Equal(System.Text.Json.JsonValueKind.Null, measure.GetProperty("percentileRank").ValueKind);
                Assert.Equal(System.Text.Json.JsonValueKind.Null, measure.GetProperty("group").GetProperty("count").ValueKind);
                Assert.Equal(System.Text.Json.JsonValueKind.Null, measure.GetProperty("group").GetProperty("median").ValueKind);
            }
        }
        foreach (var figure in PeerFigures)
        {
            // A figure on its own, not the digits inside a time stamp such as 20:35:29.1234567.
            var alone = new System.Text.RegularExpressions.Regex($@"(?<![\d.:]){System.Text.RegularExpressions.Regex.Escape(figure)}(?!\d)");
            Assert.DoesNotMatch(alone, json);
            Assert.DoesNotMatch(alone, html);
        }
        Assert.Contains("Not shown: fewer than 5 organisations.", html, StringComparison.Ordinal);
        Assert.Contains("11.1", html, StringComparison.Ordinal); // its own score, which it may see
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(page.QuerySelectorAll("#box-plot .box-median, #box-plot .box-iqr, #box-plot .box-whisker"));
        Assert.NotNull(page.QuerySelector("#box-plot .box-own"));
    }
}
