using System.Net;
using System.Net.Http.Json;
using Waypoint.Data.Accounts;
using Waypoint.Data.Organisations;
using Waypoint.Features.Organisations;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Organisations;

/// <summary>A member of one organisation can neither read nor change another's data, and cannot even tell that it
/// exists: every answer is the same 404 as for an id that was never used.</summary>
public sealed class IsolationTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private async Task<(OrganisationScenario.Arranged A, OrganisationScenario.Arranged B, Guid InvitationOfB, TestUser ViewerOfB)> TwoOrganisationsAsync()
    {
        var a = await factory.CreateOrganisationAsync();
        var b = await factory.CreateOrganisationAsync();
        var viewerOfB = await factory.AddMemberAsync(b.OrganisationId, OrganisationRole.Viewer);
        using var adminOfB = await factory.CreateApiClientAsync(b.Admin);
        var invitation = await (await adminOfB.PostAsJsonAsync($"/api/v1/organisations/{b.OrganisationId}/invitations",
            new { email = $"invitee-{Guid.NewGuid():N}@example.eu", role = "Viewer" })).ReadAsync<InvitationDto>();
        return (a, b, invitation.Id, viewerOfB);
    }

    [Fact]
    public async Task The_admin_of_one_organisation_gets_404_for_everything_of_another_through_the_api()
    {
        var (a, b, invitationOfB, viewerOfB) = await TwoOrganisationsAsync();
        using var api = await factory.CreateApiClientAsync(a.Admin);
        var before = await factory.SnapshotAsync();
        var orgB = $"/api/v1/organisations/{b.OrganisationId}";

        var responses = new[]
        {
            await api.GetAsync(orgB),
            await api.PutAsJsonAsync(orgB, new { livingInEuStatus = "Signatory", subGroups = new[] { "Legal" }, version = 0 }),
            await api.GetAsync($"{orgB}/invitations"),
            await api.PostAsJsonAsync($"{orgB}/invitations", new { email = "spy@example.eu", role = "Admin" }),
            await api.DeleteAsync($"{orgB}/invitations/{invitationOfB}"),
            await api.PutAsJsonAsync($"{orgB}/members/{viewerOfB.Id}", new { role = "Admin" }),
            await api.PutAsJsonAsync($"{orgB}/members/{b.Admin.Id}", new { role = "Viewer" }),
            await api.DeleteAsync($"{orgB}/members/{viewerOfB.Id}"),
            // Mixing: B's invitation and B's member through A's own address.
            await api.DeleteAsync($"/api/v1/organisations/{a.OrganisationId}/invitations/{invitationOfB}"),
            await api.PutAsJsonAsync($"/api/v1/organisations/{a.OrganisationId}/members/{viewerOfB.Id}", new { role = "Admin" }),
            await api.DeleteAsync($"/api/v1/organisations/{a.OrganisationId}/members/{b.Admin.Id}"),
        };

        foreach (var response in responses) await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.Empty(factory.EmailsTo("spy@example.eu"));
        var mine = await (await api.GetAsync("/api/v1/organisations")).ReadAsync<List<MyOrganisationDto>>();
        Assert.Equal(a.OrganisationId, Assert.Single(mine).Id);
    }

    [Fact]
    public async Task An_organisation_of_others_answers_exactly_like_one_that_does_not_exist()
    {
        var (a, b, _, _) = await TwoOrganisationsAsync();
        using var api = await factory.CreateApiClientAsync(a.Admin);

        var existing = await api.GetAsync($"/api/v1/organisations/{b.OrganisationId}");
        var missing = await api.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, existing.StatusCode);
        Assert.Equal((await missing.ProblemAsync(HttpStatusCode.NotFound)).Detail(), (await existing.ProblemAsync(HttpStatusCode.NotFound)).Detail());
    }

    [Fact]
    public async Task The_admin_of_one_organisation_gets_404_for_the_pages_and_forms_of_another()
    {
        var (a, b, invitationOfB, viewerOfB) = await TwoOrganisationsAsync();
        using var browser = await factory.CreateBrowserClientAsync(a.Admin);
        var before = await factory.SnapshotAsync();
        var pageB = $"/organisations/{b.OrganisationId}";
        var pageA = $"/organisations/{a.OrganisationId}";

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(pageB)).StatusCode);
        var posts = new (string Handler, (string, string)[] Fields)[]
        {
            ("Profile", [("LivingInEuStatus", "Signatory"), ("SubGroups", "Legal"), ("Version", "0")]),
            ("Invite", [("InviteEmail", "spy@example.eu"), ("InviteRole", "Admin")]),
            ("Revoke", [("invitationId", invitationOfB.ToString())]),
            ("Role", [("userId", viewerOfB.Id), ("role", "Admin")]),
            ("Remove", [("userId", viewerOfB.Id)]),
        };
        foreach (var (handler, fields) in posts)
        {
            // The antiforgery token comes from A's page, which this admin may open.
            var response = await browser.PostFormAsync(pageB, fields, postUrl: $"{pageB}?handler={handler}", tokenFrom: pageA);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{handler} on another organisation's page answered {(int)response.StatusCode}.");
        }
        // B's invitation and member through A's own page.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostFormAsync(pageA, [("invitationId", invitationOfB.ToString())], postUrl: $"{pageA}?handler=Revoke")).StatusCode);
        var role = await browser.PostFormAsync(pageA, [("userId", viewerOfB.Id), ("role", "Admin")], postUrl: $"{pageA}?handler=Role");
        Assert.Equal(HttpStatusCode.NotFound, role.StatusCode);
        Assert.Contains("This organisation has no member with this id.", await role.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_platform_admin_reads_any_organisation_but_changes_none_they_are_not_a_member_of()
    {
        var (_, b, invitationOfB, viewerOfB) = await TwoOrganisationsAsync();
        var platformAdmin = await factory.CreateUserAsync(roles: PlatformRoles.Admin);
        using var api = await factory.CreateApiClientAsync(platformAdmin);
        using var browser = await factory.CreateBrowserClientAsync(platformAdmin);
        var before = await factory.SnapshotAsync();
        var orgB = $"/api/v1/organisations/{b.OrganisationId}";

        var organisation = await (await api.GetAsync(orgB)).ReadAsync<OrganisationDto>();
        Assert.Null(organisation.YourRole);
        Assert.Equal(2, organisation.Members.Count);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{orgB}/invitations")).StatusCode);
        var page = await browser.GetAsync($"/organisations/{b.OrganisationId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("handler=Invite", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await (await api.PutAsJsonAsync(orgB, new { livingInEuStatus = "Signatory", subGroups = Array.Empty<string>(), version = 0 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await api.PostAsJsonAsync($"{orgB}/invitations", new { email = "x@example.eu", role = "Admin" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await api.DeleteAsync($"{orgB}/invitations/{invitationOfB}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await api.PutAsJsonAsync($"{orgB}/members/{viewerOfB.Id}", new { role = "Admin" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await api.DeleteAsync($"{orgB}/members/{viewerOfB.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await api.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Without_signing_in_organisations_answer_401_to_scripts_and_show_browsers_nothing()
    {
        var (_, b, _, _) = await TwoOrganisationsAsync();
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/organisations/{b.OrganisationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/organisations")).StatusCode);
        foreach (var page in new[] { "/organisations", $"/organisations/{b.OrganisationId}", "/organisations/claim?authorityId=1", "/admin/claims", "/organisations/invitations/abc" })
        {
            // Sent to the sign-in page, or told to sign in: which of the two is the accounts feature's choice.
            var response = await anonymous.GetAsync(page);
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.StartsWith("/accounts/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            else
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain(b.AuthorityName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
