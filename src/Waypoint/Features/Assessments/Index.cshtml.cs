using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Assessments;

/// <summary>An organisation's assessments, one per round, for its members; contributors and admins start this
/// year's, empty or from last round's answers.</summary>
[Authorize]
internal sealed class AssessmentListModel(AssessmentService assessments, IStringLocalizer<Program> localizer) : PageModel
{
    [FromRoute]
    public Guid OrganisationId { get; set; }

    public OrganisationAssessmentsDto List { get; private set; } = null!;

    public bool HasCurrentRound => List.Assessments.Any(a => a.Round == List.CurrentRound);

    public AssessmentSummaryDto? PreviousRound => List.Assessments.FirstOrDefault(a => a.Round < List.CurrentRound);

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(bool copyPrevious, CancellationToken cancellationToken)
    {
        var outcome = await assessments.StartAsync(User, new StartAssessmentRequest(OrganisationId, null, copyPrevious), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = copyPrevious
                ? localizer["The {0} assessment is started with {1} answers copied from last round. Check each one: they describe last year.", outcome.Value!.Round, outcome.Value.Answers.Count]
                : localizer["The {0} assessment is started. Answer the sections in any order; every answer is saved as you go.", outcome.Value!.Round];
            return RedirectToPage("Overview", new { id = outcome.Value.Id });
        }
        var failure = outcome.Failure!;
        switch (failure.Kind)
        {
            case AssessmentFailureKind.NotFound: return NotFound();
            case AssessmentFailureKind.Forbidden: return StatusCode(StatusCodes.Status403Forbidden);
            case AssessmentFailureKind.Exists:
                Notice = failure.Message;
                return RedirectToPage("Overview", new { id = failure.ExistingId });
        }
        if (!await LoadAsync(cancellationToken)) return NotFound();
        ModelState.AddModelError(string.Empty, failure.Message);
        Response.StatusCode = failure.Kind == AssessmentFailureKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await assessments.ListAsync(User, OrganisationId, cancellationToken);
        if (!outcome.Succeeded) return false;
        List = outcome.Value!;
        return true;
    }
}
