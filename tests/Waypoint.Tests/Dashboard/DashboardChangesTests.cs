using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Dashboard;

/// <summary>What members change from their dashboard: targets per topic and whether the results are published.</summary>
public sealed class DashboardChangesTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static readonly double[] Scores = [15, 25, 35, 45, 55, 65];

    private Task<string> TargetsAsync(Guid organisationId) => factory.WithDbAsync(async db =>
        string.Join(";", (await db.TopicTargets.AsNoTracking().Where(t => t.OrganisationId == organisationId).ToListAsync())
            .OrderBy(t => t.TopicKey, StringComparer.Ordinal).Select(t => $"{t.TopicKey}={t.TargetScore}")));

    [Theory]
    [InlineData("{\"target\":101}", "target")]
    [InlineData("{\"target\":-1}", "target")]
    [InlineData("{\"target\":50.5}", "target")]
    [InlineData("{}", "target")]
    public async Task A_target_outside_0_to_100_or_not_whole_is_refused_with_the_field_named_and_nothing_stored(string body, string field)
    {
        var peers = await factory.ArrangeAsync("HR", Scores, ownIndex: 1);
        using var api = await factory.CreateApiClientAsync(peers.Contributor);
        await api.PutAsJsonAsync($"/api/v1/organisations/{peers.Own}/targets/data_management", new { target = 60 });

        var response = await api.PutAsync($"/api/v1/organisations/{peers.Own}/targets/data_management",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal("data_management=60", await TargetsAsync(peers.Own));
    }

    [Fact]
    public async Task A_contributor_sets_and_removes_a_target_and_the_dashboard_shows_the_gap()
    {
        var peers = await factory.ArrangeAsync("HR", Scores, ownIndex: 2); // scores 35 in every topic
        using var api = await factory.CreateApiClientAsync(peers.Contributor);

        var put = await api.PutAsJsonAsync($"/api/v1/organisations/{peers.Own}/targets/governance", new { target = 80 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("governance=80", await TargetsAsync(peers.Own));
        var own = await api.OwnJsonAsync(peers.Own);
        var target = own.GetProperty("targets").EnumerateArray().Single();
        Assert.Equal(45, target.GetProperty("gap").GetDouble());

        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/organisations/{peers.Own}/targets/cooking", new { target = 80 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/organisations/{peers.Own}/targets/governance")).StatusCode);
        Assert.Equal("", await TargetsAsync(peers.Own));
    }

    [Fact]
    public async Task A_viewer_may_not_set_or_remove_targets_and_nothing_changes()
    {
        var peers = await factory.ArrangeAsync("HR", Scores, ownIndex: 3);
        using var contributor = await factory.CreateApiClientAsync(peers.Contributor);
        await contributor.PutAsJsonAsync($"/api/v1/organisations/{peers.Own}/targets/technology", new { target = 70 });
        using var viewer = await factory.CreateApiClientAsync(peers.Viewer);
        using var viewerBrowser = await factory.CreateBrowserClientAsync(peers.Viewer);
        var stranger = await factory.CreateApiClientAsync(await factory.CreateUserAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync($"/api/v1/organisations/{peers.Own}/targets/technology", new { target = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/organisations/{peers.Own}/targets/technology")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/organisations/{peers.Own}/targets/technology", new { target = 10 })).StatusCode);
        var form = await viewerBrowser.PostFormAsync(peers.DashboardUrl, [("Targets[technology]", "10")], postUrl: peers.DashboardUrl + "?handler=Targets");
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        var page = await (await viewerBrowser.GetAsync(peers.DashboardUrl)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Save the targets", page, StringComparison.Ordinal);

        Assert.Equal("technology=70", await TargetsAsync(peers.Own));
    }

    [Fact]
    public async Task The_targets_form_saves_valid_targets_and_shows_what_to_fix_otherwise()
    {
        var peers = await factory.ArrangeAsync("HR", Scores, ownIndex: 4);
        using var browser = await factory.CreateBrowserClientAsync(peers.Contributor);
        var forms = new FormPoster(browser);

        var wrong = await forms.SubmitAsync(peers.DashboardUrl, [KeyValuePair.Create("Targets[networking]", (string?)"120"), KeyValuePair.Create("Targets[governance]", (string?)"70")],
            "form[action*='handler=Targets']");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var page = await FormPoster.ParseAsync(wrong);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#target-networking']"));
        Assert.Equal("120", page.QuerySelector("#target-networking")!.GetAttribute("value"));
        Assert.Equal("", await TargetsAsync(peers.Own));

        var saved = await forms.SubmitAsync(peers.DashboardUrl, [KeyValuePair.Create("Targets[networking]", (string?)"90"), KeyValuePair.Create("Targets[governance]", (string?)"70")],
            "form[action*='handler=Targets']");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("governance=70;networking=90", await TargetsAsync(peers.Own));
    }

    [Fact]
    public async Task Only_an_admin_publishes_the_results_and_the_benchmark_entries_are_marked_for_every_node_to_reread()
    {
        var peers = await factory.ArrangeAsync("HR", Scores, ownIndex: 5);
        var before = await factory.WithDbAsync(db => db.BenchmarkEntries.Where(e => e.OrganisationId == peers.Own).Select(e => e.RecordedAt).SingleAsync());
        var state = () => factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == peers.Own).Select(o => o.ResultsPublished).SingleAsync());

        foreach (var member in new[] { peers.Viewer, peers.Contributor })
        {
            using var browser = await factory.CreateBrowserClientAsync(member);
            var refused = await browser.PostFormAsync(peers.DashboardUrl, [("published", "true")], postUrl: peers.DashboardUrl + "?handler=Publish");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var api = await factory.CreateApiClientAsync(member);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync($"/api/v1/organisations/{peers.Own}/publication", new { published = true })).StatusCode);
        }
        Assert.False(await state());

        using var admin = await factory.CreateBrowserClientAsync(peers.Admin);
        var published = await new FormPoster(admin).SubmitAsync(peers.DashboardUrl, [], "form[action*='handler=Publish']");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.True(await state());
        var after = await factory.WithDbAsync(db => db.BenchmarkEntries.Where(e => e.OrganisationId == peers.Own).Select(e => e.RecordedAt).SingleAsync());
        Assert.True(after > before, $"RecordedAt {after:O} should be later than {before:O}.");
        var page = await (await admin.GetAsync(peers.DashboardUrl)).Content.ReadAsStringAsync();
        Assert.Contains("Make our results private", page, StringComparison.Ordinal);
    }
}
