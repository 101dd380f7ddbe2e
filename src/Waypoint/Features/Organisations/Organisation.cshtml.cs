using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Organisations;

/// <summary>An organisation's page for its members: profile, members, open invitations. Admins of the organisation
/// change the profile, invite, revoke, change roles and remove members here.</summary>
[Authorize]
internal sealed class OrganisationModel(OrganisationService organisations, InvitationService invitations, IStringLocalizer<Program> localizer)
    : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public OrganisationDto Organisation { get; private set; } = null!;

    public IReadOnlyList<InvitationDto> Invitations { get; private set; } = [];

    public bool IsAdmin => Organisation.YourRole == OrganisationRole.Admin;

    [BindProperty]
    public string? LivingInEuStatus { get; set; }

    [BindProperty]
    public List<string> SubGroups { get; set; } = [];

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? InviteEmail { get; set; }

    [BindProperty]
    public string? InviteRole { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        ShowCurrentProfile();
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        var outcome = await organisations.UpdateProfileAsync(User, Id,
            new UpdateOrganisationRequest(LivingInEuStatus, SubGroups, Version), cancellationToken);
        if (outcome.Succeeded) return Done(localizer["The profile is saved."]);
        if (outcome.Failure!.Kind == FailureKind.Conflict)
        {
            // A stale form: show what is stored now, so the person redoes their change on top of it.
            PageErrors.Add(ModelState, outcome.Failure);
            if (!await LoadAsync(cancellationToken)) return NotFound();
            ShowCurrentProfile();
            return Page();
        }
        return await RefusedAsync(outcome.Failure, field => field switch
        {
            "livingInEuStatus" => "status-" + Data.Organisations.LivingInEuStatus.None,
            "subGroups" => "subgroup-" + Data.Organisations.SubGroups.Legal,
            _ => "profile",
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var outcome = await invitations.InviteAsync(User, Id, new InviteRequest(InviteEmail, InviteRole), cancellationToken);
        if (outcome.Succeeded) return Done(localizer["{0} is invited as {1}. The invitation link is valid for 14 days.", outcome.Value!.Email, localizer[outcome.Value.Role.ToString()]]);
        return await RefusedAsync(outcome.Failure!, field => field == "email" ? nameof(InviteEmail) : nameof(InviteRole), cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        var outcome = await invitations.RevokeAsync(User, Id, invitationId, cancellationToken);
        if (outcome.Succeeded) return Done(localizer["The invitation of {0} is revoked.", outcome.Value!.Email]);
        return await RefusedAsync(outcome.Failure!, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRoleAsync(string userId, string? role, CancellationToken cancellationToken)
    {
        var outcome = await organisations.ChangeRoleAsync(User, Id, userId, new ChangeRoleRequest(role), cancellationToken);
        if (outcome.Succeeded) return Done(localizer["{0} is now {1}.", outcome.Value!.Email, localizer[outcome.Value.Role.ToString()]]);
        return await RefusedAsync(outcome.Failure!, _ => "role-" + userId, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string userId, CancellationToken cancellationToken)
    {
        var outcome = await organisations.RemoveMemberAsync(User, Id, userId, cancellationToken);
        if (outcome.Succeeded) return Done(localizer["{0} is no longer a member.", outcome.Value!.Email]);
        return await RefusedAsync(outcome.Failure!, null, cancellationToken);
    }

    private RedirectToPageResult Done(string notice)
    {
        Notice = notice;
        return RedirectToPage(new { id = Id });
    }

    /// <summary>Not a member: not found. A member whose role is too low: forbidden. Otherwise the page again, with the
    /// errors and what the person typed.</summary>
    private async Task<IActionResult> RefusedAsync(Failure failure, Func<string, string>? fieldId, CancellationToken cancellationToken)
    {
        if (failure.Kind == FailureKind.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(cancellationToken)) return NotFound();
        PageErrors.Add(ModelState, failure, fieldId);
        Response.StatusCode = failure.Kind switch
        {
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var organisation = await organisations.GetAsync(User, Id, cancellationToken);
        if (!organisation.Succeeded) return false;
        Organisation = organisation.Value!;
        Invitations = (await invitations.OpenAsync(User, Id, cancellationToken)).Value ?? [];
        return true;
    }

    private void ShowCurrentProfile()
    {
        // Bound values would otherwise win over the stored ones when the form is shown again.
        ModelState.Remove(nameof(LivingInEuStatus));
        ModelState.Remove(nameof(SubGroups));
        ModelState.Remove(nameof(Version));
        LivingInEuStatus = Organisation.LivingInEuStatus.ToString();
        SubGroups = [.. Organisation.SubGroups.Select(g => g.ToString())];
        Version = Organisation.Version;
    }
}
