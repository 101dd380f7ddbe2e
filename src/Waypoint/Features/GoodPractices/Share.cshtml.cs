using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Organisations;
using Waypoint.Features.Organisations;

namespace Waypoint.Features.GoodPractices;

/// <summary>An organisation's good practices from its submitted assessments and what became of those it shared. Its
/// members read the page; its admins choose which ones to share (after rewording them if they wish).</summary>
[Authorize]
internal sealed class ShareModel(GoodPracticeService service, OrganisationAccess access, IStringLocalizer<Program> localizer) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public IReadOnlyList<PublishableGoodPracticeDto> Practices { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    /// <summary>The form that was sent and refused, to show what the admin typed beside the errors.</summary>
    public string? SentKey { get; private set; }

    public GoodPracticeText? SentText { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public static string KeyOf(Guid assessmentId, string topicKey) => $"{assessmentId:N}-{topicKey}";

    public static string FieldId(string field, string key) => $"{field}-{key}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid assessmentId, string? topicKey, string? title, string? url, string? description,
        CancellationToken cancellationToken)
    {
        var text = new GoodPracticeText(title, url, description);
        var outcome = await service.PublishAsync(User, new PublishGoodPracticeRequest(assessmentId, topicKey, title, url, description), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["\"{0}\" is shared: an editor will read it before it appears in the library. Your organisation's admins will be told by email.", outcome.Value!.Title];
            return RedirectToPage(new { id = Id });
        }
        var failure = outcome.Failure!;
        if (failure.Kind == FailureKind.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(cancellationToken) || failure.Kind == FailureKind.NotFound) return NotFound();
        SentKey = KeyOf(assessmentId, topicKey ?? "");
        SentText = text;
        PageErrors.Add(ModelState, failure, field => FieldId(field is "title" or "url" or "description" ? field : "title", SentKey));
        Response.StatusCode = failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid sharedId, int? version, bool wasPending, CancellationToken cancellationToken)
    {
        var outcome = await service.WithdrawAsync(User, sharedId, new WithdrawGoodPracticeRequest(version), cancellationToken);
        if (outcome.Succeeded)
        {
            // Withdrawn from the library or from the queue: which, the status before says (the practice withdrawn has no other).
            Notice = wasPending
                ? localizer["\"{0}\" is withdrawn: editors will not review it. You can share it again.", outcome.Value!.Title]
                : localizer["\"{0}\" is withdrawn: it is no longer in the library. You can share it again; an editor will read it again.", outcome.Value!.Title];
            return RedirectToPage(new { id = Id });
        }
        var failure = outcome.Failure!;
        if (failure.Kind == FailureKind.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(cancellationToken) || failure.Kind == FailureKind.NotFound) return NotFound();
        // The withdraw form has no field of its own: the error stands at the top of the summary, linked to nothing.
        PageErrors.Add(ModelState, failure, _ => string.Empty);
        Response.StatusCode = failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var practices = await service.PublishableAsync(User, Id, cancellationToken);
        if (!practices.Succeeded) return false;
        Practices = practices.Value!;
        IsAdmin = await access.RoleOfAsync(User, Id, cancellationToken) == OrganisationRole.Admin;
        return true;
    }
}
