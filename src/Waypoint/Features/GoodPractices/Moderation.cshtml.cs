using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Features.Organisations;

namespace Waypoint.Features.GoodPractices;

/// <summary>The editors' queue of shared good practices, oldest first: correct the text and approve, or reject with a
/// reason. The organisation's admins are told either way by email.</summary>
[Authorize(Policy = PlatformRoles.Editor)]
internal sealed class ModerationModel(GoodPracticeService service, IStringLocalizer<Program> localizer) : PageModel
{
    public IReadOnlyList<SharedGoodPracticeDto> Pending { get; private set; } = [];

    /// <summary>The good practice whose form was sent and refused, to show what the editor typed beside the errors.</summary>
    public Guid? SentId { get; private set; }

    public GoodPracticeText? SentText { get; private set; }

    public string? SentReason { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public static string FieldId(string field, Guid id) => $"{field}-{id}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pending = await service.PendingAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, int? version, string? title, string? url, string? description,
        CancellationToken cancellationToken)
    {
        var text = new GoodPracticeText(title, url, description);
        var outcome = await service.ApproveAsync(OrganisationAccess.UserIdOf(User)!, id, new ApproveGoodPracticeRequest(version, text), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["\"{0}\" is approved and listed in the library; the organisation's admins are told by email.", outcome.Value!.Title];
            return RedirectToPage();
        }
        SentId = id;
        SentText = text;
        return await RefusedAsync(outcome.Failure!, id, cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, int? version, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await service.RejectAsync(OrganisationAccess.UserIdOf(User)!, id, new RejectGoodPracticeRequest(version, reason), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["\"{0}\" is rejected; the organisation's admins are told why by email.", outcome.Value!.Title];
            return RedirectToPage();
        }
        SentId = id;
        SentReason = reason;
        return await RefusedAsync(outcome.Failure!, id, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(Failure failure, Guid id, CancellationToken cancellationToken)
    {
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        PageErrors.Add(ModelState, failure, field => FieldId(field == "version" ? "title" : field, id));
        Pending = await service.PendingAsync(cancellationToken);
        Response.StatusCode = failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
