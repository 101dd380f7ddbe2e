using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Organisations;

/// <summary>Claim an authority: the signed-in person says who they are there; a platform admin decides.</summary>
[Authorize]
internal sealed class ClaimModel(ClaimService claims, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? AuthorityId { get; set; }

    [BindProperty]
    public string? JobTitle { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    public AuthoritySummaryDto? Authority { get; private set; }

    /// <summary>Why this authority cannot be claimed now (it already has an organisation, a claim is pending...).</summary>
    public string? Refusal { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (AuthorityId is null) return Page();
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await claims.CreateAsync(OrganisationAccess.UserIdOf(User)!,
            new CreateClaimRequest(AuthorityId, JobTitle, Justification), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["Your claim for {0} is sent. A platform admin will review it; you will receive an email with the decision.", outcome.Value!.Authority.Name];
            return RedirectToPage("Index");
        }
        if (outcome.Failure!.Kind == FailureKind.NotFound) return NotFound();
        if (AuthorityId is not null && !await LoadAsync(cancellationToken)) return NotFound();
        if (outcome.Failure.Kind == FailureKind.Conflict)
        {
            Refusal = outcome.Failure.Message;
            return Page();
        }
        PageErrors.Add(ModelState, outcome.Failure);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var (authority, refusal) = await claims.ClaimableAsync(AuthorityId!.Value, OrganisationAccess.UserIdOf(User)!, cancellationToken);
        Authority = authority;
        Refusal = refusal?.Message;
        return authority is not null;
    }
}
