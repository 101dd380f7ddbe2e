using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Organisations;

/// <summary>Where the invitation email leads. The signed-in person whose address received it joins the organisation;
/// anyone else, or a used, revoked or expired invitation, gets a message saying what to do.</summary>
[Authorize]
internal sealed class AcceptInvitationModel(InvitationService invitations, IStringLocalizer<Program> localizer) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    public InvitationPreviewDto? Invitation { get; private set; }

    public string? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await invitations.PreviewAsync(User, Token, cancellationToken);
        if (outcome.Failure is { } failure) return Refused(failure);
        Invitation = outcome.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await invitations.AcceptAsync(User, Token, cancellationToken);
        if (outcome.Failure is { } failure) return Refused(failure);
        Notice = localizer["Welcome: you are now a member of this organisation, as {0}.", localizer[outcome.Value!.Role.ToString()]];
        return RedirectToPage("Organisation", new { id = outcome.Value.OrganisationId });
    }

    private PageResult Refused(Failure failure)
    {
        Problem = failure.Message;
        Response.StatusCode = failure.Kind switch
        {
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }
}
