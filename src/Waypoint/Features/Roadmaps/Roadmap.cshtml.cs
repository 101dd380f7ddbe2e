using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Features.Organisations;

namespace Waypoint.Features.Roadmaps;

/// <summary>The roadmap page: actions by horizon with their reasons and help; contributors and admins edit each action
/// (owner, due date, status, horizon), move it up or down, remove it, and add their own. Works without JavaScript.</summary>
[Authorize]
internal sealed class RoadmapModel(RoadmapService roadmaps, IStringLocalizer<Program> l) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public RoadmapDto Roadmap { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The action whose form had errors, so the page shows what was sent there.</summary>
    public Guid? FailedAction { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Link { get; set; }
    [BindProperty] public string? Horizon { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? DueDate { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public bool InvolvesProcurement { get; set; }

    /// <summary>The version of the roadmap the form was filled on; a change on an older one is refused.</summary>
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostUpdateAsync(Guid actionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } missing) return missing;
        // An action a colleague removed meanwhile: the service refuses the stale version before it looks for the action.
        var action = Roadmap.Actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null && Version == Roadmap.Version) return NotFound();
        var request = action?.Own == true
            ? new UpdateActionRequest(Title ?? "", Description ?? "", Link ?? "", Horizon, Owner ?? "", DueDate ?? "", Status, Version)
            : new UpdateActionRequest(null, null, null, Horizon, Owner ?? "", DueDate ?? "", Status, Version);
        var outcome = await roadmaps.UpdateActionAsync(User, Id, actionId, request, cancellationToken);
        return await AfterAsync(outcome.Failure, actionId, l["The action is saved."], cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } missing) return missing;
        var outcome = await roadmaps.AddActionAsync(User, Id,
            new AddActionRequest(Title, Description, Link, Horizon, Owner, DueDate, Status, InvolvesProcurement, Version), cancellationToken);
        return await AfterAsync(outcome.Failure, Guid.Empty, l["Your action is added."], cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid actionId, string direction, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } missing) return missing;
        var outcome = await roadmaps.MoveActionAsync(User, Id, actionId, new MoveActionRequest(direction, Version), cancellationToken);
        return await AfterAsync(outcome.Failure, actionId, l["The action is moved."], cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid actionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } missing) return missing;
        var outcome = await roadmaps.RemoveActionAsync(User, Id, actionId, Version, cancellationToken);
        return await AfterAsync(outcome.Failure, actionId, l["The action is removed."], cancellationToken);
    }

    /// <summary>The id of a field of one action's form (or of the add form), as the error summary links to it.</summary>
    public static string FieldId(string field, Guid actionId) => actionId == Guid.Empty ? "new-" + field : field + "-" + actionId.ToString("N");

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await roadmaps.GetAsync(User, Id, cancellationToken);
        if (!outcome.Succeeded) return NotFound();
        Roadmap = outcome.Value!;
        return null;
    }

    private async Task<IActionResult> AfterAsync(Failure? failure, Guid actionId, string notice, CancellationToken cancellationToken)
    {
        if (failure is null)
        {
            Notice = notice;
            return Redirect($"~/roadmaps/{Id}" + (actionId == Guid.Empty ? "" : "#action-" + actionId.ToString("N")));
        }
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        if (failure.Kind == FailureKind.Forbidden) return Forbid();
        await LoadAsync(cancellationToken);
        if (failure.CurrentVersion is not null)
        {
            // Stale: the page shows the roadmap as it is now, not what was sent, so that the change is made again on it.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, l["Someone else changed this roadmap since you opened it, so your change was not saved. The page now shows the roadmap as it is: check it and make your change again."]);
            // A new action overwrites nothing: its form keeps what was typed, so that sending it again adds it.
            if (actionId == Guid.Empty) FailedAction = Guid.Empty;
            return Page();
        }
        PageErrors.Add(ModelState, failure, field => FieldId(field, actionId));
        FailedAction = actionId;
        return Page();
    }
}
