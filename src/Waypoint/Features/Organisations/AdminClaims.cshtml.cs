using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;

namespace Waypoint.Features.Organisations;

/// <summary>The platform admins' queue of claims waiting for a decision, oldest first.</summary>
[Authorize(Policy = PlatformRoles.Admin)]
internal sealed class AdminClaimsModel(ClaimService claims, IStringLocalizer<Program> localizer) : PageModel
{
    public IReadOnlyList<PendingClaimDto> Claims { get; private set; } = [];

    /// <summary>The claim whose rejection form was sent, to show its reason again next to its errors.</summary>
    public Guid? RejectedClaimId { get; private set; }

    public string? Reason { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public static string ReasonId(Guid claimId) => $"reason-{claimId}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Claims = await claims.PendingAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid claimId, CancellationToken cancellationToken)
    {
        var outcome = await claims.ApproveAsync(OrganisationAccess.UserIdOf(User)!, claimId, cancellationToken);
        if (outcome.Succeeded)
        {
            var approved = outcome.Value!;
            Notice = approved.OtherClaimsRejected == 0
                ? localizer["The claim for {0} is approved: its organisation exists and the claimant is its admin.", approved.Claim.Authority.Name]
                : localizer["The claim for {0} is approved: its organisation exists and the claimant is its admin. {1} other claims for it were rejected.", approved.Claim.Authority.Name, approved.OtherClaimsRejected];
            return RedirectToPage();
        }
        return await RefusedAsync(outcome.Failure!, claimId, cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid claimId, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await claims.RejectAsync(OrganisationAccess.UserIdOf(User)!, claimId, new RejectClaimRequest(reason), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["The claim for {0} is rejected; the claimant is told why by email.", outcome.Value!.Authority.Name];
            return RedirectToPage();
        }
        RejectedClaimId = claimId;
        Reason = reason;
        return await RefusedAsync(outcome.Failure!, claimId, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(Failure failure, Guid claimId, CancellationToken cancellationToken)
    {
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        PageErrors.Add(ModelState, failure, _ => ReasonId(claimId));
        Claims = await claims.PendingAsync(cancellationToken);
        Response.StatusCode = failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
