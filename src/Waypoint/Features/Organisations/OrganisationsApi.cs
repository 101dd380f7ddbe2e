using System.Security.Claims;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Api;

namespace Waypoint.Features.Organisations;

/// <summary>The JSON API of organisations, claims and invitations. Signed-in people only; what each may do in an
/// organisation is decided by <see cref="OrganisationAccess"/>. The approval queue is for platform admins.</summary>
internal static class OrganisationsApi
{
    public static void MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapApiV1("/organisations", "Organisations").RequireAuthorization();
        organisations.MapGet("/", GetMine).WithSummary("The organisations I am a member of, with my role");
        organisations.MapGet("/{id:guid}", Get).WithSummary("An organisation I am a member of: profile and members");
        organisations.MapPut("/{id:guid}", UpdateProfile).WithSummary("Change the Living-in.EU status and sub-groups (admins); 409 with currentVersion when stale");
        organisations.MapGet("/{id:guid}/invitations", GetInvitations).WithSummary("Open invitations of an organisation");
        organisations.MapPost("/{id:guid}/invitations", Invite).WithSummary("Invite a person by email as Admin, Contributor or Viewer (admins)");
        organisations.MapDelete("/{id:guid}/invitations/{invitationId:guid}", RevokeInvitation).WithSummary("Revoke an open invitation (admins)");
        organisations.MapPost("/invitations/accept", AcceptInvitation).WithSummary("Accept an invitation sent to my email address");
        organisations.MapPut("/{id:guid}/members/{userId}", ChangeRole).WithSummary("Change a member's role (admins); the last admin stays admin");
        organisations.MapDelete("/{id:guid}/members/{userId}", RemoveMember).WithSummary("Remove a member (admins); the last admin cannot be removed");

        organisations.MapGet("/claims", GetMyClaims).WithSummary("My claims and their status");
        organisations.MapPost("/claims", CreateClaim).WithSummary("Claim to speak for an authority; a platform admin decides");
        organisations.MapPost("/claims/{id:guid}/withdraw", WithdrawClaim).WithSummary("Withdraw one of my pending claims");

        var admin = app.MapApiV1("/admin/claims", "Organisations").RequireAuthorization(PlatformRoles.Admin);
        admin.MapGet("/", GetPendingClaims).WithSummary("Pending claims, oldest first (platform admins)");
        admin.MapPost("/{id:guid}/approve", ApproveClaim).WithSummary("Approve a claim: creates the organisation with the claimant as admin");
        admin.MapPost("/{id:guid}/reject", RejectClaim).WithSummary("Reject a claim with a reason the claimant receives");
    }

    private static string UserId(ClaimsPrincipal user) =>
        OrganisationAccess.UserIdOf(user) ?? throw new InvalidOperationException("An authorised request has no user id.");

    private static async Task<IResult> GetMine(ClaimsPrincipal user, OrganisationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.MineAsync(UserId(user), cancellationToken));

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal user, OrganisationService service, CancellationToken cancellationToken) =>
        Answer(await service.GetAsync(user, id, cancellationToken));

    private static async Task<IResult> UpdateProfile(Guid id, UpdateOrganisationRequest request, ClaimsPrincipal user, OrganisationService service,
        CancellationToken cancellationToken) =>
        Answer(await service.UpdateProfileAsync(user, id, request, cancellationToken));

    private static async Task<IResult> GetInvitations(Guid id, ClaimsPrincipal user, InvitationService service, CancellationToken cancellationToken) =>
        Answer(await service.OpenAsync(user, id, cancellationToken));

    private static async Task<IResult> Invite(Guid id, InviteRequest request, ClaimsPrincipal user, InvitationService service,
        CancellationToken cancellationToken)
    {
        var outcome = await service.InviteAsync(user, id, request, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/organisations/{id}/invitations/{outcome.Value!.Id}", outcome.Value)
            : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> RevokeInvitation(Guid id, Guid invitationId, ClaimsPrincipal user, InvitationService service,
        CancellationToken cancellationToken)
    {
        var outcome = await service.RevokeAsync(user, id, invitationId, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> AcceptInvitation(AcceptInvitationRequest request, ClaimsPrincipal user, InvitationService service,
        CancellationToken cancellationToken) =>
        Answer(await service.AcceptAsync(user, request.Token, cancellationToken));

    private static async Task<IResult> ChangeRole(Guid id, string userId, ChangeRoleRequest request, ClaimsPrincipal user, OrganisationService service,
        CancellationToken cancellationToken) =>
        Answer(await service.ChangeRoleAsync(user, id, userId, request, cancellationToken));

    private static async Task<IResult> RemoveMember(Guid id, string userId, ClaimsPrincipal user, OrganisationService service,
        CancellationToken cancellationToken)
    {
        var outcome = await service.RemoveMemberAsync(user, id, userId, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> GetMyClaims(ClaimsPrincipal user, ClaimService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.MineAsync(UserId(user), cancellationToken));

    private static async Task<IResult> CreateClaim(CreateClaimRequest request, ClaimsPrincipal user, ClaimService service,
        CancellationToken cancellationToken)
    {
        var outcome = await service.CreateAsync(UserId(user), request, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/organisations/claims/{outcome.Value!.Id}", outcome.Value)
            : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> WithdrawClaim(Guid id, ClaimsPrincipal user, ClaimService service, CancellationToken cancellationToken) =>
        Answer(await service.WithdrawAsync(UserId(user), id, cancellationToken));

    private static async Task<IResult> GetPendingClaims(ClaimService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.PendingAsync(cancellationToken));

    private static async Task<IResult> ApproveClaim(Guid id, ClaimsPrincipal user, ClaimService service, CancellationToken cancellationToken) =>
        Answer(await service.ApproveAsync(UserId(user), id, cancellationToken));

    private static async Task<IResult> RejectClaim(Guid id, RejectClaimRequest request, ClaimsPrincipal user, ClaimService service,
        CancellationToken cancellationToken) =>
        Answer(await service.RejectAsync(UserId(user), id, request, cancellationToken));

    private static IResult Answer<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Failure!.ToProblem();
}
