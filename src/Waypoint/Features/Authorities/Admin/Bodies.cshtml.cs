using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Features.Authorities.Proposals;

namespace Waypoint.Features.Authorities.Admin;

/// <summary>Platform admins review the other public bodies people proposed: approved ones join the directory.</summary>
[Authorize(Policy = PlatformRoles.Admin)]
internal sealed class BodiesModel(BodyProposals proposals, Countries countries, IStringLocalizer<Program> localizer) : PageModel
{
    public IReadOnlyList<ProposalView> Pending { get; private set; } = [];

    public Countries Countries => countries;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pending = await proposals.PendingAsync(cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) => DecideAsync(id, approve: true, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken cancellationToken) => DecideAsync(id, approve: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, bool approve, CancellationToken cancellationToken)
    {
        var outcome = approve ? await proposals.ApproveAsync(id, cancellationToken) : await proposals.RejectAsync(id, cancellationToken);
        var proposal = await proposals.FindAsync(id, cancellationToken);
        Message = outcome switch
        {
            DecisionOutcome.Done when approve => localizer["“{0}” is approved: it is now in the directory.", proposal!.Name].Value,
            DecisionOutcome.Done => localizer["“{0}” is rejected: it stays out of the directory.", proposal!.Name].Value,
            DecisionOutcome.AlreadyDecided => localizer["“{0}” had already been decided by another administrator; nothing changed.", proposal!.Name].Value,
            _ => localizer["That proposal no longer exists."].Value,
        };
        return RedirectToPage();
    }
}
