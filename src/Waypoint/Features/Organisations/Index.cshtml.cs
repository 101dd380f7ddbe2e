using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Organisations;

/// <summary>My organisations: the organisations I am a member of, and my claims with their status.</summary>
[Authorize]
internal sealed class IndexModel(OrganisationService organisations, ClaimService claims, IStringLocalizer<Program> localizer) : PageModel
{
    public IReadOnlyList<MyOrganisationDto> Organisations { get; private set; } = [];

    public IReadOnlyList<ClaimDto> Claims { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid claimId, CancellationToken cancellationToken)
    {
        var outcome = await claims.WithdrawAsync(OrganisationAccess.UserIdOf(User)!, claimId, cancellationToken);
        if (outcome.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        if (outcome.Failure is { } failure)
        {
            PageErrors.Add(ModelState, failure);
            await LoadAsync(cancellationToken);
            return Page();
        }
        Notice = localizer["Your claim for {0} is withdrawn.", outcome.Value!.Authority.Name];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = OrganisationAccess.UserIdOf(User)!;
        Organisations = await organisations.MineAsync(userId, cancellationToken);
        Claims = [.. (await claims.MineAsync(userId, cancellationToken)).Where(c => c.Status != Data.Organisations.ClaimStatus.Approved)];
    }
}
