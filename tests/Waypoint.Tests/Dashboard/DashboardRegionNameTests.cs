using Waypoint.Data.Organisations;
using Waypoint.Tests.Benchmarks;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Dashboard;

public sealed class DashboardRegionNameTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task The_region_peer_group_is_named_in_Greek_with_its_Latin_spelling()
    {
        var ids = await factory.AddSubmissionsAsync("EL", BenchmarkTestData.Scores(50), nuts2: "EL52");
        var viewer = await factory.AddMemberAsync(ids[0], OrganisationRole.Viewer);
        using var api = await factory.CreateApiClientAsync(viewer);
        using var browser = await factory.CreateBrowserClientAsync(viewer);

        var label = (await api.OwnJsonAsync(ids[0])).GroupOf("region").GetProperty("group").GetProperty("label").GetString();
        var page = await browser.PageAsync($"/organisations/{ids[0]}/dashboard?group=region");

        Assert.StartsWith("region EL52 Κεντρική Μακεδονία (Kentriki Makedonia)", label, StringComparison.Ordinal);
        Assert.Contains("Κεντρική Μακεδονία (Kentriki Makedonia)", page.QuerySelector("[data-selected-group='region'] .lead")?.TextContent, StringComparison.Ordinal);
    }
}
