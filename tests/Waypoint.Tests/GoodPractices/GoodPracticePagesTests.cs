using System.Net;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Data.GoodPractices;
using Waypoint.Tests.Accounts;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.GoodPractices;

/// <summary>Sharing, moderating and finding good practices through the pages, as a browser without JavaScript sends them.</summary>
public sealed class GoodPracticePagesTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 600)]}");
        return html;
    }

    [Fact]
    public async Task An_admin_shares_on_the_page_an_editor_approves_on_the_queue_and_anyone_finds_it_in_the_library()
    {
        var (team, assessmentId) = await factory.SubmittedWithPracticeAsync(solutionName: "Ticketless parking");
        using var owned = team;
        using var admin = await factory.CreateBrowserClientAsync(team.Admin);
        var sharePage = $"/organisations/{team.OrganisationId}/good-practices";
        Assert.Contains("Ticketless parking", await HtmlAsync(await admin.GetAsync(sharePage)), StringComparison.Ordinal);

        var shared = await new FormPoster(admin).SubmitAsync(sharePage, ("title", "Ticketless parking in Überlingen-Süd"));
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        Assert.Contains("Waiting for an editor", await HtmlAsync(await admin.GetAsync(sharePage)), StringComparison.Ordinal);

        using var editor = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Editor));
        var id = await factory.WithDbAsync(db => db.SharedGoodPractices.Where(p => p.AssessmentId == assessmentId).Select(p => p.Id).SingleAsync());
        var approved = await new FormPoster(editor).SubmitAsync("/good-practices/moderation",
            [new("description", "Pay for parking by text message; no paper tickets.")], $"#approve-{id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        using var anonymous = factory.CreateClient();
        var library = await HtmlAsync(await anonymous.GetAsync("/good-practices?q=uberlingen+sud"));
        Assert.Contains($"href=\"/good-practices/{id}\"", library, StringComparison.Ordinal);
        var details = await HtmlAsync(await anonymous.GetAsync($"/good-practices/{id}"));
        Assert.Contains("Pay for parking by text message; no paper tickets.", details, StringComparison.Ordinal);
        Assert.Contains(">https://geo.example.eu/portal</a>", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_share_form_refuses_a_script_with_an_error_summary_and_stores_nothing()
    {
        var (team, _) = await factory.SubmittedWithPracticeAsync();
        using var owned = team;
        using var admin = await factory.CreateBrowserClientAsync(team.Admin);
        var before = await factory.ShareSnapshotAsync();

        var response = await new FormPoster(admin).SubmitAsync($"/organisations/{team.OrganisationId}/good-practices",
            ("description", "<script>alert('x')</script>"), ("url", "ftp://files.example.eu"));

        var html = await HtmlAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("contains markup", html, StringComparison.Ordinal);
        Assert.Contains("must be a full web address", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.ShareSnapshotAsync());
    }

    [Fact]
    public async Task People_who_are_not_editors_are_sent_away_from_the_moderation_queue_and_their_posts_change_nothing()
    {
        var (team, _) = await factory.SubmittedWithPracticeAsync();
        using var owned = team;
        var (organisationId, entryAssessment, _) = await factory.CreateEntryAsync(1991, new Dictionary<string, double> { ["governance"] = 1 });
        var pending = await factory.AddPracticeAsync(organisationId, entryAssessment, "Pending", status: GoodPracticeStatus.Pending);
        using var admin = await factory.CreateBrowserClientAsync(team.Admin);
        var before = await factory.ShareSnapshotAsync();

        var page = await admin.GetAsync("/good-practices/moderation");
        var post = await admin.PostFormAsync("/good-practices/moderation", [("id", pending.ToString()), ("version", "1"), ("title", "x"), ("description", "y")],
            postUrl: "/good-practices/moderation?handler=Approve", tokenFrom: $"/organisations/{team.OrganisationId}/good-practices");

        foreach (var response in new[] { page, post })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/accounts/denied", response.RedirectTarget(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await factory.ShareSnapshotAsync());
    }

    [Fact]
    public async Task The_library_is_public_and_refuses_an_unknown_filter_with_a_form_error()
    {
        using var anonymous = factory.CreateClient();
        Assert.Contains("<h1>Good-practice library</h1>", await HtmlAsync(await anonymous.GetAsync("/good-practices")), StringComparison.Ordinal);
        var bad = await HtmlAsync(await anonymous.GetAsync("/good-practices?topic=cooking"), HttpStatusCode.BadRequest);
        Assert.Contains("href=\"#search-topic\"", bad, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/good-practices/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Members_see_peers_strong_where_they_are_weak_and_strangers_do_not_find_the_page()
    {
        var (organisationId, _, orgAdmin) = await factory.CreateEntryAsync(1992, new Dictionary<string, double> { ["governance"] = 5 });
        for (var i = 0; i < 5; i++) await factory.CreateEntryAsync(1992, new Dictionary<string, double> { ["governance"] = 50 + i });
        using var member = await factory.CreateBrowserClientAsync(orgAdmin);
        using var stranger = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());

        var html = await HtmlAsync(await member.GetAsync($"/organisations/{organisationId}/peers-strong"));

        Assert.Contains("Topics below the median in round 1992", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/organisations/{organisationId}/peers-strong")).StatusCode);
    }
}
