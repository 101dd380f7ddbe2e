using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Organisations;
using Waypoint.Tests.Benchmarks;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Dashboard;

/// <summary>Ten organisations in Slovenia: five of Synthetic Europe and five real ones, so the country group is shown
/// and saying that five of its members are synthetic describes no group smaller than five.</summary>
public sealed class DashboardSyntheticTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static readonly double[] Scores = [40, 45, 50, 55, 60, 42, 47, 52, 57, 62];

    // The class's tests share its fixture's database: the organisations are added once.
    private static readonly ConditionalWeakTable<WaypointFactory, Task<(IReadOnlyList<Guid>, TestUser, TestUser)>> Arranged = [];

    private Task<(IReadOnlyList<Guid> Ids, TestUser SyntheticViewer, TestUser RealViewer)> ArrangeAsync() =>
        Arranged.GetValue(factory, f => ArrangeOnceAsync(f));

    private static async Task<(IReadOnlyList<Guid>, TestUser, TestUser)> ArrangeOnceAsync(WaypointFactory factory)
    {
        var ids = await factory.AddSubmissionsAsync("SI", [.. Scores.Select((s, i) => new Submission(s, Synthetic: i < 5))]);
        return (ids, await factory.AddMemberAsync(ids[0], OrganisationRole.Viewer), await factory.AddMemberAsync(ids[9], OrganisationRole.Viewer));
    }

    [Fact]
    public async Task A_synthetic_organisation_says_so_on_its_dashboard_its_page_and_its_results()
    {
        var (ids, viewer, _) = await ArrangeAsync();
        var assessment = await factory.WithDbAsync(db => db.Assessments.Where(a => a.OrganisationId == ids[0]).Select(a => a.Id).SingleAsync());
        using var browser = await factory.CreateBrowserClientAsync(viewer);
        using var api = await factory.CreateApiClientAsync(viewer);

        foreach (var url in new[] { $"/organisations/{ids[0]}/dashboard", $"/organisations/{ids[0]}", $"/assessments/{assessment}/results" })
        {
            var notice = (await browser.PageAsync(url)).QuerySelector("[data-testid='synthetic-notice']");
            Assert.True(notice is not null, $"{url} has no synthetic-data notice.");
            Assert.Contains("Synthetic data", notice.TextContent, StringComparison.Ordinal);
        }
        Assert.True((await api.OwnJsonAsync(ids[0])).GetProperty("isSynthetic").GetBoolean());
    }

    [Fact]
    public async Task A_real_organisation_has_no_synthetic_notice_but_hears_that_some_of_its_peers_are_synthetic()
    {
        var (ids, _, viewer) = await ArrangeAsync();
        using var browser = await factory.CreateBrowserClientAsync(viewer);
        using var api = await factory.CreateApiClientAsync(viewer);

        var page = await browser.PageAsync($"/organisations/{ids[9]}/dashboard?group=country");
        var own = await api.OwnJsonAsync(ids[9]);

        Assert.Null(page.QuerySelector("[data-testid='synthetic-notice']"));
        // Not "5 of these": with real members among them, the number would count the real ones (see the next class).
        Assert.Equal("Some of these organisations are synthetic (Synthetic Europe).", page.QuerySelector("[data-testid='synthetic-members']")?.TextContent.Trim());
        Assert.False(own.GetProperty("isSynthetic").GetBoolean());
        Assert.True(own.GroupOf("country").GetProperty("includesSynthetic").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, own.GroupOf("country").GetProperty("syntheticMembers").ValueKind);
    }
}

/// <summary>Seven synthetic and three real organisations: the group of ten is shown, but its number of synthetic members
/// would tell that only three real ones are in it, fewer than the minimum group size.</summary>
public sealed class DashboardSyntheticFewRealTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task The_number_of_synthetic_peers_is_not_given_when_it_would_reveal_fewer_real_ones_than_the_minimum()
    {
        var ids = await factory.AddSubmissionsAsync("SI", [.. Enumerable.Range(0, 10).Select(i => new Submission(40 + i, Synthetic: i >= 3))]);
        var viewer = await factory.AddMemberAsync(ids[0], OrganisationRole.Viewer);
        using var browser = await factory.CreateBrowserClientAsync(viewer);
        using var api = await factory.CreateApiClientAsync(viewer);

        var page = await browser.PageAsync($"/organisations/{ids[0]}/dashboard?group=country");
        var country = (await api.OwnJsonAsync(ids[0])).GroupOf("country");

        Assert.Equal("Some of these organisations are synthetic (Synthetic Europe).", page.QuerySelector("[data-testid='synthetic-members']")?.TextContent.Trim());
        Assert.DoesNotContain("7 of these", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.True(country.GetProperty("includesSynthetic").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, country.GetProperty("syntheticMembers").ValueKind);
    }
}

/// <summary>Six organisations, all synthetic: the number says nothing of real ones, so it is given.</summary>
public sealed class DashboardAllSyntheticTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task When_every_peer_is_synthetic_their_number_is_given()
    {
        var ids = await factory.AddSubmissionsAsync("SI", [.. Enumerable.Range(0, 6).Select(i => new Submission(40 + i, Synthetic: true))]);
        var viewer = await factory.AddMemberAsync(ids[0], OrganisationRole.Viewer);
        using var browser = await factory.CreateBrowserClientAsync(viewer);
        using var api = await factory.CreateApiClientAsync(viewer);

        var page = await browser.PageAsync($"/organisations/{ids[0]}/dashboard?group=country");
        var country = (await api.OwnJsonAsync(ids[0])).GroupOf("country");

        Assert.Equal("6 of these organisations are synthetic (Synthetic Europe).", page.QuerySelector("[data-testid='synthetic-members']")?.TextContent.Trim());
        Assert.Equal(6, country.GetProperty("syntheticMembers").GetInt32());
    }
}

/// <summary>Four organisations, three of them synthetic: every group is hidden, and so is what it is made of.</summary>
public sealed class DashboardSyntheticHiddenTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_hidden_group_says_nothing_about_synthetic_members()
    {
        var ids = await factory.AddSubmissionsAsync("SI", [.. Enumerable.Range(0, 4).Select(i => new Submission(40 + i, Synthetic: i > 0))]);
        var viewer = await factory.AddMemberAsync(ids[0], OrganisationRole.Viewer);
        using var browser = await factory.CreateBrowserClientAsync(viewer);
        using var api = await factory.CreateApiClientAsync(viewer);

        var page = await browser.PageAsync($"/organisations/{ids[0]}/dashboard?group=country");
        var own = await api.OwnJsonAsync(ids[0]);

        Assert.Null(page.QuerySelector("[data-testid='synthetic-members']"));
        foreach (var group in own.GetProperty("groups").EnumerateArray())
        {
            Assert.False(group.GetProperty("includesSynthetic").GetBoolean());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, group.GetProperty("syntheticMembers").ValueKind);
        }
    }
}
