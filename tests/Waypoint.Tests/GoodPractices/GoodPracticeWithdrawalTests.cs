using System.Net;
using System.Net.Http.Json;
using Waypoint.Data.Accounts;
using Waypoint.Data.GoodPractices;
using Waypoint.Features.GoodPractices;
using Waypoint.Tests.Accounts;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.GoodPractices;

/// <summary>Taking a published good practice back: by its organisation's admins (withdraw) or by an editor with a reason
/// (unpublish), through the API and the pages.</summary>
public sealed class GoodPracticeWithdrawalTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private async Task<HttpClient> EditorAsync() => await factory.CreateApiClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Editor));

    /// <summary>A team whose good practice an editor approved through the API.</summary>
    private async Task<(AssessmentScenario.Team Team, Guid AssessmentId, SharedGoodPracticeDto Approved)> ApprovedAsync(string title)
    {
        var (team, assessmentId) = await factory.SubmittedWithPracticeAsync(solutionName: title);
        var shared = await (await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId, title: title)))
            .ReadAsync<SharedGoodPracticeDto>();
        using var editor = await EditorAsync();
        var approved = await editor.PostAsJsonAsync($"/api/v1/good-practices/moderation/{shared.Id}/approve", new { version = shared.Version });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return (team, assessmentId, await approved.ReadAsync<SharedGoodPracticeDto>());
    }

    private async Task<int> FoundAsync(string query)
    {
        using var anonymous = factory.CreateClient();
        return (await anonymous.GetFromJsonAsync<GoodPracticeResults>("/api/v1/good-practices?q=" + Uri.EscapeDataString(query), OrganisationScenario.Json))!.Total;
    }

    private static string Marker() => "mark" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task An_admin_withdraws_a_published_practice_from_the_library_and_sharing_it_again_goes_through_moderation_again()
    {
        var marker = Marker();
        var (team, assessmentId, approved) = await ApprovedAsync($"Open data portal {marker}");
        using var owned = team;
        Assert.Equal(1, await FoundAsync(marker));

        var withdrawn = await team.AdminApi.PostAsJsonAsync($"/api/v1/good-practices/{approved.Id}/withdraw", new { version = approved.Version });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(GoodPracticeStatus.Withdrawn, (await withdrawn.ReadAsync<SharedGoodPracticeDto>()).Status);
        Assert.Equal(0, await FoundAsync(marker));
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/good-practices/{approved.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/good-practices/{approved.Id}")).StatusCode);

        var again = await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId, title: $"Open data portal {marker}"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(GoodPracticeStatus.Pending, (await again.ReadAsync<SharedGoodPracticeDto>()).Status);
        Assert.Equal(0, await FoundAsync(marker));
        using var editor = await EditorAsync();
        var queue = await editor.GetFromJsonAsync<List<SharedGoodPracticeDto>>("/api/v1/good-practices/moderation", OrganisationScenario.Json);
        Assert.Contains(queue!, p => p.Id == approved.Id);
    }

    [Fact]
    public async Task A_withdrawn_practice_no_longer_shows_among_peers_strong_where_you_are_weak()
    {
        const int round = 1997;
        var weak = await factory.CreateEntryAsync(round, new Dictionary<string, double> { ["governance"] = 10 });
        var strong = await factory.CreateEntryAsync(round, new Dictionary<string, double> { ["governance"] = 97.5 });
        for (var i = 0; i < 5; i++) await factory.CreateEntryAsync(round, new Dictionary<string, double> { ["governance"] = 30 + (i * 10) });
        var practice = await factory.AddPracticeAsync(strong.OrganisationId, strong.AssessmentId, "Digital board of the strong town");
        using var weakAdmin = await factory.CreateApiClientAsync(weak.Admin);
        using var strongAdmin = await factory.CreateApiClientAsync(strong.Admin);
        var url = $"/api/v1/good-practices/organisations/{weak.OrganisationId}/peers-strong";
        Assert.Contains((await weakAdmin.GetFromJsonAsync<PeerStrengthsDto>(url, OrganisationScenario.Json))!.WeakTopics.SelectMany(t => t.Practices), p => p.Id == practice);

        var withdrawn = await strongAdmin.PostAsJsonAsync($"/api/v1/good-practices/{practice}/withdraw", new { version = 1 });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.DoesNotContain((await weakAdmin.GetFromJsonAsync<PeerStrengthsDto>(url, OrganisationScenario.Json))!.WeakTopics.SelectMany(t => t.Practices), p => p.Id == practice);
    }

    [Fact]
    public async Task Only_the_organisations_admins_withdraw_with_the_version_they_read_and_a_refusal_changes_nothing()
    {
        var (team, _, approved) = await ApprovedAsync("Shared service centre");
        using var owned = team;
        var other = await factory.CreateOrganisationAsync();
        using var otherAdmin = await factory.CreateApiClientAsync(other.Admin);
        using var editor = await EditorAsync();
        using var anonymous = factory.CreateClient();
        var url = $"/api/v1/good-practices/{approved.Id}/withdraw";
        var before = await factory.ShareSnapshotAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await team.ContributorApi.PostAsJsonAsync(url, new { version = approved.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostAsJsonAsync(url, new { version = approved.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsJsonAsync(url, new { version = approved.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(url, new { version = approved.Version })).StatusCode);
        var noVersion = await team.AdminApi.PostAsJsonAsync(url, new { });
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.True((await noVersion.ProblemAsync()).GetProperty("errors").TryGetProperty("version", out _));
        var stale = await team.AdminApi.PostAsJsonAsync(url, new { version = approved.Version - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(approved.Version, (await stale.ProblemAsync()).GetProperty("currentVersion").GetInt32());

        Assert.Equal(before, await factory.ShareSnapshotAsync());
    }

    [Fact]
    public async Task An_editor_unpublishes_with_a_reason_the_admins_receive_and_the_organisation_may_share_it_again()
    {
        var marker = Marker();
        var (team, assessmentId, approved) = await ApprovedAsync($"Citizen app {marker}");
        using var owned = team;
        using var editor = await EditorAsync();

        var response = await editor.PostAsJsonAsync($"/api/v1/good-practices/moderation/{approved.Id}/unpublish",
            new { version = approved.Version, reason = "The link now leads to a shop." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unpublished = await response.ReadAsync<SharedGoodPracticeDto>();
        Assert.Equal((GoodPracticeStatus.Unpublished, "The link now leads to a shop."), (unpublished.Status, unpublished.RejectionReason));
        Assert.Equal(0, await FoundAsync(marker));
        var email = await factory.LastMessageToAsync(team.Admin.Email);
        Assert.Contains("taken out of the library", email.Subject, StringComparison.Ordinal);
        Assert.Contains("The link now leads to a shop.", email.TextBody, StringComparison.Ordinal);
        var again = await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId, title: $"Citizen app {marker}"));
        Assert.Equal(GoodPracticeStatus.Pending, (await again.ReadAsync<SharedGoodPracticeDto>()).Status);
    }

    [Fact]
    public async Task Unpublishing_needs_the_editor_role_a_reason_the_current_version_and_an_approved_practice_and_a_refusal_changes_nothing()
    {
        var (team, _, approved) = await ApprovedAsync("Digital twin");
        using var owned = team;
        var (organisationId, entryAssessment, _) = await factory.CreateEntryAsync(1992, new Dictionary<string, double> { ["governance"] = 1 });
        var pending = await factory.AddPracticeAsync(organisationId, entryAssessment, "Pending", status: GoodPracticeStatus.Pending);
        using var editor = await EditorAsync();
        using var anonymous = factory.CreateClient();
        var url = $"/api/v1/good-practices/moderation/{approved.Id}/unpublish";
        var before = await factory.ShareSnapshotAsync();
        var mailsBefore = (await factory.MessagesToAsync(team.Admin.Email)).Count;

        Assert.Equal(HttpStatusCode.Forbidden, (await team.AdminApi.PostAsJsonAsync(url, new { version = approved.Version, reason = "Mine." })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(url, new { version = approved.Version, reason = "No." })).StatusCode);
        var noReason = await editor.PostAsJsonAsync(url, new { version = approved.Version, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.ProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync(url, new { version = approved.Version + 3, reason = "Old." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync($"/api/v1/good-practices/moderation/{pending}/unpublish", new { version = 1, reason = "Not yet." })).StatusCode);

        Assert.Equal(before, await factory.ShareSnapshotAsync());
        Assert.Equal(mailsBefore, (await factory.MessagesToAsync(team.Admin.Email)).Count);
    }

    [Fact]
    public async Task An_admin_withdraws_on_the_share_page_and_a_contributors_post_is_refused()
    {
        var (team, _, approved) = await ApprovedAsync("Ticket-free buses");
        using var owned = team;
        var page = $"/organisations/{team.OrganisationId}/good-practices";
        using var contributor = await factory.CreateBrowserClientAsync(team.Contributor);
        var before = await factory.ShareSnapshotAsync();

        var refused = await contributor.PostFormAsync(page, [("sharedId", approved.Id.ToString()), ("version", approved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            postUrl: page + "?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, await factory.ShareSnapshotAsync());

        using var admin = await factory.CreateBrowserClientAsync(team.Admin);
        var withdrawn = await new FormPoster(admin).SubmitAsync(page, [], "form[action*='handler=Withdraw']");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var html = await admin.GetStringAsync(page);
        Assert.Contains("Withdrawn by your organisation", html, StringComparison.Ordinal);
        Assert.Contains("Share for the library", html, StringComparison.Ordinal);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/good-practices/{approved.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_editor_unpublishes_on_the_practices_page_and_others_neither_see_the_form_nor_may_post_it()
    {
        var (team, _, approved) = await ApprovedAsync("Shared GIS");
        using var owned = team;
        var page = $"/good-practices/{approved.Id}";
        using var anonymous = factory.CreateClient();
        using var admin = await factory.CreateBrowserClientAsync(team.Admin);
        Assert.DoesNotContain("handler=Unpublish", await anonymous.GetStringAsync(page), StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Unpublish", await admin.GetStringAsync(page), StringComparison.Ordinal);
        var before = await factory.ShareSnapshotAsync();

        var byAdmin = await admin.PostFormAsync(page, [("version", approved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("reason", "Mine.")],
            postUrl: page + "?handler=Unpublish");
        Assert.Equal(HttpStatusCode.Redirect, byAdmin.StatusCode);
        Assert.StartsWith("/accounts/denied", byAdmin.RedirectTarget(), StringComparison.Ordinal);
        using var editorBrowser = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Editor));
        var forms = new FormPoster(editorBrowser);
        var noReason = await forms.SubmitAsync(page, [], "form[action*='handler=Unpublish']");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("href=\"#unpublish-reason\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.ShareSnapshotAsync());

        var unpublished = await forms.SubmitAsync(page, [KeyValuePair.Create("reason", (string?)"Names a member of staff.")], "form[action*='handler=Unpublish']");

        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(page)).StatusCode);
        Assert.Contains("Names a member of staff.", (await factory.LastMessageToAsync(team.Admin.Email)).TextBody, StringComparison.Ordinal);
    }
}
