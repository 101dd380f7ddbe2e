using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Data.Organisations;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Organisations;

/// <summary>The same steps as the API, through the pages and their forms, as a browser sends them.</summary>
public sealed class OrganisationPagesTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
        return html;
    }

    private static void AssertRedirect(HttpResponseMessage response, string location)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    private Task<ClaimStatus> ClaimStatusAsync(string userId) =>
        factory.WithDbAsync(db => db.OrganisationClaims.Where(c => c.ClaimantId == userId).Select(c => c.Status).SingleAsync());

    [Fact]
    public async Task A_person_claims_an_authority_an_admin_approves_it_and_a_colleague_joins_through_the_pages()
    {
        var (authorityId, name) = await factory.CreateAuthorityAsync();
        var claimant = await factory.CreateUserAsync();
        var colleague = await factory.CreateUserAsync();
        using var claimantBrowser = await factory.CreateBrowserClientAsync(claimant);
        using var adminBrowser = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Admin));
        using var colleagueBrowser = await factory.CreateBrowserClientAsync(colleague);

        var claimPage = $"/organisations/claim?authorityId={authorityId}";
        Assert.Contains($"Claim {name}", await HtmlAsync(await claimantBrowser.GetAsync(claimPage)), StringComparison.Ordinal);
        AssertRedirect(await claimantBrowser.PostFormAsync(claimPage,
            [("AuthorityId", authorityId.ToString()), ("JobTitle", "Digital officer"), ("Justification", "Listed on the town's website.")]), "/organisations");
        var mine = await HtmlAsync(await claimantBrowser.GetAsync("/organisations"));
        Assert.Contains($"Your claim for {name} is sent.", mine, StringComparison.Ordinal);
        Assert.Contains(">pending<", mine, StringComparison.Ordinal);

        var queue = await HtmlAsync(await adminBrowser.GetAsync("/admin/claims"));
        Assert.Contains(name, queue, StringComparison.Ordinal);
        Assert.Contains("Digital officer", queue, StringComparison.Ordinal);
        var claimId = await factory.WithDbAsync(db => db.OrganisationClaims.Where(c => c.ClaimantId == claimant.Id).Select(c => c.Id).SingleAsync());
        AssertRedirect(await adminBrowser.PostFormAsync("/admin/claims", [("claimId", claimId.ToString())], postUrl: "/admin/claims?handler=Approve"), "/admin/claims");
        Assert.Contains($"The claim for {name} is approved", await HtmlAsync(await adminBrowser.GetAsync("/admin/claims")), StringComparison.Ordinal);

        var organisationId = await factory.WithDbAsync(db => db.Organisations.Where(o => o.AuthorityId == authorityId).Select(o => o.Id).SingleAsync());
        var organisationPage = $"/organisations/{organisationId}";
        Assert.Contains($"href=\"{organisationPage}\"", await HtmlAsync(await claimantBrowser.GetAsync("/organisations")), StringComparison.Ordinal);
        AssertRedirect(await claimantBrowser.PostFormAsync(organisationPage, [("InviteEmail", colleague.Email), ("InviteRole", "Viewer")],
            postUrl: $"{organisationPage}?handler=Invite"), organisationPage);
        var withInvitation = await HtmlAsync(await claimantBrowser.GetAsync(organisationPage));
        Assert.Contains($"{colleague.Email} is invited as Viewer.", withInvitation, StringComparison.Ordinal);

        var acceptPage = $"/organisations/invitations/{factory.InvitationTokenSentTo(colleague.Email)}";
        Assert.Contains($"Join {name}", await HtmlAsync(await colleagueBrowser.GetAsync(acceptPage)), StringComparison.Ordinal);
        AssertRedirect(await colleagueBrowser.PostFormAsync(acceptPage, []), organisationPage);
        var joined = await HtmlAsync(await colleagueBrowser.GetAsync(organisationPage));
        Assert.Contains("Welcome: you are now a member of this organisation, as Viewer.", joined, StringComparison.Ordinal);
        Assert.Contains("Your role: Viewer", joined, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Invite", joined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_claim_form_shows_what_to_fix_and_stores_nothing()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        using var browser = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());
        var page = $"/organisations/claim?authorityId={authorityId}";
        var before = await factory.SnapshotAsync();

        var html = await HtmlAsync(await browser.PostFormAsync(page,
            [("AuthorityId", authorityId.ToString()), ("JobTitle", ""), ("Justification", new string('j', 1001))]));

        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#JobTitle\">Enter your job title.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Justification\">Shorten the justification to 1000 characters or fewer (it has 1001).</a>", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task The_claim_page_explains_why_an_authority_cannot_be_claimed_and_404s_for_an_unknown_one()
    {
        var arranged = await factory.CreateOrganisationAsync();
        using var browser = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());

        var html = await HtmlAsync(await browser.GetAsync($"/organisations/claim?authorityId={arranged.AuthorityId}"));
        Assert.Contains($"{arranged.AuthorityName} already has an organisation on Waypoint", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"JobTitle\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/organisations/claim?authorityId={int.MaxValue}")).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_claim_through_the_form_is_refused_with_a_message()
    {
        var (authorityId, name) = await factory.CreateAuthorityAsync();
        var user = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(user);
        var page = $"/organisations/claim?authorityId={authorityId}";
        var fields = new[] { ("AuthorityId", authorityId.ToString()), ("JobTitle", "CDO"), ("Justification", "I run IT.") };
        var firstToken = await browser.AntiforgeryTokenAsync(page);
        AssertRedirect(await browser.PostFormAsync(page, fields), "/organisations");

        // The same form sent again, as from a second tab opened before the first was sent.
        var again = await browser.PostAsync(page, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))
            .Append(new(OrganisationForms.TokenField, firstToken))));

        Assert.Contains($"You already have a pending claim for {name}.", await HtmlAsync(again), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.OrganisationClaims.CountAsync(c => c.ClaimantId == user.Id)));
    }

    [Fact]
    public async Task The_approval_queue_shows_script_as_text()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        using var claimantApi = await factory.CreateApiClientAsync(await factory.CreateUserAsync());
        await claimantApi.PostAsJsonAsync("/api/v1/organisations/claims",
            new { authorityId, jobTitle = "<script>alert('job')</script>", justification = "<img src=x onerror=alert(1)>" });
        using var adminBrowser = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Admin));

        var html = await HtmlAsync(await adminBrowser.GetAsync("/admin/claims"));

        Assert.Contains("&lt;script&gt;alert(&#x27;job&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused_on_the_page_and_a_reasoned_one_reaches_the_claimant()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        var claimant = await factory.CreateUserAsync();
        using var claimantApi = await factory.CreateApiClientAsync(claimant);
        await claimantApi.PostAsJsonAsync("/api/v1/organisations/claims", new { authorityId, jobTitle = "Clerk", justification = "Trust me." });
        var claimId = await factory.WithDbAsync(db => db.OrganisationClaims.Where(c => c.ClaimantId == claimant.Id).Select(c => c.Id).SingleAsync());
        using var adminBrowser = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Admin));

        var refused = await HtmlAsync(await adminBrowser.PostFormAsync("/admin/claims", [("claimId", claimId.ToString()), ("reason", "  ")],
            postUrl: "/admin/claims?handler=Reject"), HttpStatusCode.BadRequest);
        Assert.Contains($"<a href=\"#reason-{claimId}\">Enter the reason for the rejection", refused, StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.Pending, await ClaimStatusAsync(claimant.Id));

        AssertRedirect(await adminBrowser.PostFormAsync("/admin/claims", [("claimId", claimId.ToString()), ("reason", "No evidence of your role.")],
            postUrl: "/admin/claims?handler=Reject"), "/admin/claims");
        Assert.Equal(ClaimStatus.Rejected, await ClaimStatusAsync(claimant.Id));
        using var claimantBrowser = await factory.CreateBrowserClientAsync(claimant);
        var mine = await HtmlAsync(await claimantBrowser.GetAsync("/organisations"));
        Assert.Contains(">rejected<", mine, StringComparison.Ordinal);
        Assert.Contains("No evidence of your role.", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_who_are_not_platform_admins_cannot_open_the_queue_or_approve_through_it()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        var claimant = await factory.CreateUserAsync();
        using var claimantApi = await factory.CreateApiClientAsync(claimant);
        await claimantApi.PostAsJsonAsync("/api/v1/organisations/claims", new { authorityId, jobTitle = "Clerk", justification = "Trust me." });
        var claimId = await factory.WithDbAsync(db => db.OrganisationClaims.Where(c => c.ClaimantId == claimant.Id).Select(c => c.Id).SingleAsync());
        using var browser = await factory.CreateBrowserClientAsync(claimant);

        var queue = await browser.GetAsync("/admin/claims");
        var approve = await browser.PostFormAsync("/admin/claims", [("claimId", claimId.ToString())], postUrl: "/admin/claims?handler=Approve",
            tokenFrom: await factory.AnyFormPageAsync());

        foreach (var response in new[] { queue, approve })
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/accounts/denied", StringComparison.Ordinal)),
                $"A non-admin got {(int)response.StatusCode} from the approval queue.");
        }
        Assert.Equal(ClaimStatus.Pending, await ClaimStatusAsync(claimant.Id));
    }

    [Fact]
    public async Task The_claimant_withdraws_a_pending_claim_from_my_organisations()
    {
        var (authorityId, name) = await factory.CreateAuthorityAsync();
        var claimant = await factory.CreateUserAsync();
        using var claimantApi = await factory.CreateApiClientAsync(claimant);
        await claimantApi.PostAsJsonAsync("/api/v1/organisations/claims", new { authorityId, jobTitle = "Clerk", justification = "Trust me." });
        var claimId = await factory.WithDbAsync(db => db.OrganisationClaims.Where(c => c.ClaimantId == claimant.Id).Select(c => c.Id).SingleAsync());
        using var browser = await factory.CreateBrowserClientAsync(claimant);

        AssertRedirect(await browser.PostFormAsync("/organisations", [("claimId", claimId.ToString())], postUrl: "/organisations?handler=Withdraw"), "/organisations");

        Assert.Equal(ClaimStatus.Withdrawn, await ClaimStatusAsync(claimant.Id));
        Assert.Contains($"Your claim for {name} is withdrawn.", await HtmlAsync(await browser.GetAsync("/organisations")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_profile_form_gets_a_clear_message_and_the_newer_values_are_kept_and_shown()
    {
        var arranged = await factory.CreateOrganisationAsync();
        var otherAdmin = await factory.AddMemberAsync(arranged.OrganisationId, OrganisationRole.Admin);
        using var browser = await factory.CreateBrowserClientAsync(arranged.Admin);
        using var otherBrowser = await factory.CreateBrowserClientAsync(otherAdmin);
        var page = $"/organisations/{arranged.OrganisationId}";
        Assert.Contains("name=\"Version\" value=\"0\"", await HtmlAsync(await browser.GetAsync(page)), StringComparison.Ordinal);

        AssertRedirect(await otherBrowser.PostFormAsync(page, [("LivingInEuStatus", "Supporter"), ("SubGroups", "Financial"), ("SubGroups", "Monitoring"), ("Version", "0")],
            postUrl: $"{page}?handler=Profile"), page);
        var stale = await HtmlAsync(await browser.PostFormAsync(page, [("LivingInEuStatus", "Signatory"), ("Version", "0")],
            postUrl: $"{page}?handler=Profile"), HttpStatusCode.Conflict);

        Assert.Contains("Someone changed this organisation after you opened it (you had version 0, it is now at 1).", stale, StringComparison.Ordinal);
        Assert.Contains("name=\"Version\" value=\"1\"", stale, StringComparison.Ordinal);
        Assert.Matches("id=\"status-Supporter\"[^>]*checked", stale);
        Assert.Matches("id=\"subgroup-Monitoring\"[^>]*checked", stale);
        var stored = await factory.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == arranged.OrganisationId));
        Assert.Equal((LivingInEuStatus.Supporter, SubGroups.Financial | SubGroups.Monitoring, 1), (stored.LivingInEuStatus, stored.SubGroups, stored.Version));
    }

    [Fact]
    public async Task The_organisation_page_refuses_to_demote_the_last_admin_and_lower_roles_cannot_post_its_forms()
    {
        var arranged = await factory.CreateOrganisationAsync();
        var contributor = await factory.AddMemberAsync(arranged.OrganisationId, OrganisationRole.Contributor);
        using var adminBrowser = await factory.CreateBrowserClientAsync(arranged.Admin);
        using var contributorBrowser = await factory.CreateBrowserClientAsync(contributor);
        var page = $"/organisations/{arranged.OrganisationId}";
        var tokenPage = await factory.AnyFormPageAsync();
        var before = await factory.SnapshotAsync();

        var lastAdmin = await HtmlAsync(await adminBrowser.PostFormAsync(page, [("userId", arranged.Admin.Id), ("role", "Viewer")], postUrl: $"{page}?handler=Role"),
            HttpStatusCode.Conflict);
        Assert.Contains("This member is the organisation&#x27;s last admin.", lastAdmin, StringComparison.Ordinal);

        var contributorPage = await HtmlAsync(await contributorBrowser.GetAsync(page));
        Assert.DoesNotContain("handler=Invite", contributorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Role", contributorPage, StringComparison.Ordinal);
        foreach (var (handler, fields) in new (string, (string, string)[])[]
        {
            ("Invite", [("InviteEmail", "friend@example.eu"), ("InviteRole", "Admin")]),
            ("Role", [("userId", contributor.Id), ("role", "Admin")]),
            ("Remove", [("userId", arranged.Admin.Id)]),
            ("Profile", [("LivingInEuStatus", "Signatory"), ("Version", "0")]),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await contributorBrowser.PostFormAsync(page, fields, postUrl: $"{page}?handler={handler}", tokenFrom: tokenPage)).StatusCode);
        }
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task The_invite_form_shows_what_to_fix()
    {
        var arranged = await factory.CreateOrganisationAsync();
        using var browser = await factory.CreateBrowserClientAsync(arranged.Admin);
        var page = $"/organisations/{arranged.OrganisationId}";
        var before = await factory.SnapshotAsync();

        var html = await HtmlAsync(await browser.PostFormAsync(page, [("InviteEmail", "not an email"), ("InviteRole", "Owner")], postUrl: $"{page}?handler=Invite"),
            HttpStatusCode.BadRequest);

        Assert.Contains("<a href=\"#InviteEmail\">Enter an email address like name@town.eu.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#InviteRole\">Choose a role: one of Viewer, Contributor, Admin.</a>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not an email\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"status-None\"[^>]*checked", html);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task The_accept_page_explains_a_wrong_account_a_used_and_an_expired_invitation()
    {
        var arranged = await factory.CreateOrganisationAsync();
        var invitee = await factory.CreateUserAsync();
        using var adminApi = await factory.CreateApiClientAsync(arranged.Admin);
        await adminApi.PostAsJsonAsync($"/api/v1/organisations/{arranged.OrganisationId}/invitations", new { email = invitee.Email, role = "Contributor" });
        var page = $"/organisations/invitations/{factory.InvitationTokenSentTo(invitee.Email)}";
        using var stranger = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());
        using var inviteeBrowser = await factory.CreateBrowserClientAsync(invitee);

        var wrongAccount = await HtmlAsync(await stranger.GetAsync(page), HttpStatusCode.Forbidden);
        Assert.Contains("This invitation was sent to another email address.", wrongAccount, StringComparison.Ordinal);
        Assert.DoesNotContain(invitee.Email, wrongAccount, StringComparison.Ordinal);
        Assert.DoesNotContain("Accept and join", wrongAccount, StringComparison.Ordinal);
        var wrongPost = await stranger.PostFormAsync(page, [], tokenFrom: await factory.AnyFormPageAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrongPost.StatusCode);

        AssertRedirect(await inviteeBrowser.PostFormAsync(page, []), $"/organisations/{arranged.OrganisationId}");
        await adminApi.PostAsJsonAsync($"/api/v1/organisations/{arranged.OrganisationId}/invitations", new { email = "late@example.eu", role = "Viewer" });
        await factory.WithDbAsync(db => db.OrganisationInvitations.Where(i => i.NormalizedEmail == "LATE@EXAMPLE.EU")
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddDays(-1))));
        var late = await factory.CreateUserAsync("late@example.eu");
        using var lateBrowser = await factory.CreateBrowserClientAsync(late);

        Assert.Contains("This invitation has already been used.", await HtmlAsync(await inviteeBrowser.GetAsync(page), HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("This invitation expired on", await HtmlAsync(await lateBrowser.GetAsync($"/organisations/invitations/{factory.InvitationTokenSentTo("late@example.eu")}"),
            HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("This invitation link is not valid.", await HtmlAsync(await lateBrowser.GetAsync("/organisations/invitations/made-up"), HttpStatusCode.NotFound),
            StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.OrganisationMemberships.AnyAsync(m => m.UserId == late.Id)));
    }
}
