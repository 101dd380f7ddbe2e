using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Data.Organisations;
using Waypoint.Features.Organisations;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Organisations;

public sealed class ClaimToMembershipApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_claim_approved_by_a_platform_admin_becomes_an_organisation_whose_admin_invites_a_colleague_who_joins()
    {
        var (authorityId, authorityName) = await factory.CreateAuthorityAsync();
        var claimant = await factory.CreateUserAsync();
        var platformAdmin = await factory.CreateUserAsync(roles: PlatformRoles.Admin);
        var colleague = await factory.CreateUserAsync($"Colleague-{Guid.NewGuid():N}@Example.eu");
        using var claimantApi = await factory.CreateApiClientAsync(claimant);
        using var adminApi = await factory.CreateApiClientAsync(platformAdmin);
        using var colleagueApi = await factory.CreateApiClientAsync(colleague);

        // The claimant claims the authority.
        var created = await claimantApi.PostAsJsonAsync("/api/v1/organisations/claims",
            new { authorityId, jobTitle = "Chief Digital Officer", justification = "Named on the town's website." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var claim = await created.ReadAsync<ClaimDto>();
        Assert.Equal(ClaimStatus.Pending, claim.Status);
        Assert.Contains("\"status\":\"Pending\"", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // It waits in the platform admins' queue, and the claimant sees it as pending.
        var queue = await (await adminApi.GetAsync("/api/v1/admin/claims")).ReadAsync<List<PendingClaimDto>>();
        var queued = Assert.Single(queue, c => c.Id == claim.Id);
        Assert.Equal(authorityName, queued.Authority.Name);
        Assert.Equal(claimant.Email, queued.Claimant.Email);
        Assert.Equal("Chief Digital Officer", queued.JobTitle);
        var mine = await (await claimantApi.GetAsync("/api/v1/organisations/claims")).ReadAsync<List<ClaimDto>>();
        Assert.Equal(ClaimStatus.Pending, Assert.Single(mine).Status);

        // Approval creates the organisation with the claimant as its admin, and tells the claimant.
        var approved = await adminApi.PostAsync($"/api/v1/admin/claims/{claim.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approval = await approved.ReadAsync<ClaimApprovalDto>();
        Assert.Equal(ClaimStatus.Approved, approval.Claim.Status);
        Assert.Contains(factory.EmailsTo(claimant.Email), m => (m.Subject ?? "").Contains("approved", StringComparison.Ordinal));
        var organisations = await (await claimantApi.GetAsync("/api/v1/organisations")).ReadAsync<List<MyOrganisationDto>>();
        var organisation = Assert.Single(organisations);
        Assert.Equal(approval.OrganisationId, organisation.Id);
        Assert.Equal(OrganisationRole.Admin, organisation.Role);
        Assert.Empty(await (await adminApi.GetAsync("/api/v1/admin/claims")).ReadAsync<List<PendingClaimDto>>());

        // The new admin invites a colleague; the email carries a link with a token that is not stored as such.
        var invited = await claimantApi.PostAsJsonAsync($"/api/v1/organisations/{organisation.Id}/invitations",
            new { email = colleague.Email.ToLowerInvariant(), role = "contributor" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var invitation = await invited.ReadAsync<InvitationDto>();
        Assert.Equal(OrganisationRole.Contributor, invitation.Role);
        Assert.InRange(invitation.ExpiresAt - invitation.CreatedAt, TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(14));
        var token = factory.InvitationTokenSentTo(colleague.Email);
        var stored = await factory.WithDbAsync(db => db.OrganisationInvitations.SingleAsync(i => i.Id == invitation.Id));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(InvitationService.HashToken(token), stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        var open = await (await claimantApi.GetAsync($"/api/v1/organisations/{organisation.Id}/invitations")).ReadAsync<List<InvitationDto>>();
        Assert.Equal(invitation.Id, Assert.Single(open).Id);

        // The colleague, signed in with that address (in another case), accepts and becomes a contributor.
        var accepted = await colleagueApi.PostAsJsonAsync("/api/v1/organisations/invitations/accept", new { token });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var details = await (await colleagueApi.GetAsync($"/api/v1/organisations/{organisation.Id}")).ReadAsync<OrganisationDto>();
        Assert.Equal(OrganisationRole.Contributor, details.YourRole);
        Assert.Equal(authorityName, details.Authority.Name);
        Assert.Equal([(claimant.Id, OrganisationRole.Admin), (colleague.Id, OrganisationRole.Contributor)],
            details.Members.Select(m => (m.UserId, m.Role)));
        Assert.Empty(await (await claimantApi.GetAsync($"/api/v1/organisations/{organisation.Id}/invitations")).ReadAsync<List<InvitationDto>>());

        // The link works once.
        var again = await colleagueApi.PostAsJsonAsync("/api/v1/organisations/invitations/accept", new { token });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
