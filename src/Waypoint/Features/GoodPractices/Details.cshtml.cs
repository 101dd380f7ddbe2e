using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Features.Organisations;

namespace Waypoint.Features.GoodPractices;

/// <summary>One approved good practice, with the name of the authority that shared it (sharing is consent to that).
/// Pending and rejected ones are not found. Anyone reads it; editors (policy <c>editor</c>) may take it out of the
/// library with a reason, which the organisation's admins receive by email.</summary>
[AllowAnonymous]
internal sealed class DetailsModel(GoodPracticeLibrary library, GoodPracticeService service, IAuthorizationService authorization,
    IStringLocalizer<Program> localizer) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public GoodPracticeEntryDto Practice { get; private set; } = null!;

    /// <summary>For editors: the version the unpublish form names. Null for everyone else (no form).</summary>
    public int? EditorVersion { get; private set; }

    public string? SentReason { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public const string ReasonFieldId = "unpublish-reason";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUnpublishAsync(int? version, string? reason, CancellationToken cancellationToken)
    {
        // The page is public; this handler is for editors only.
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!(await authorization.AuthorizeAsync(User, PlatformRoles.Editor)).Succeeded) return Forbid();
        var outcome = await service.UnpublishAsync(OrganisationAccess.UserIdOf(User)!, Id, new UnpublishGoodPracticeRequest(version, reason), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["\"{0}\" is taken out of the library; the organisation's admins are told why by email.", outcome.Value!.Title];
            return Redirect("~/good-practices/moderation");
        }
        var failure = outcome.Failure!;
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        if (!await LoadAsync(cancellationToken))
        {
            // No longer in the library (its organisation withdrew it meanwhile): say so where the editor works.
            Notice = failure.Message;
            return Redirect("~/good-practices/moderation");
        }
        SentReason = reason;
        PageErrors.Add(ModelState, failure, _ => ReasonFieldId);
        Response.StatusCode = failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await library.FindAsync(Id, cancellationToken) is not { } found) return false;
        Practice = found;
        if (User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, PlatformRoles.Editor)).Succeeded)
            EditorVersion = (await service.FindSharedAsync(Id, cancellationToken))?.Version;
        return true;
    }
}
