using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Assessments;

/// <summary>Before submitting: the required questions still unanswered, each linked to its place; admins submit here,
/// after confirming that the answers are final.</summary>
[Authorize]
internal sealed class ReviewModel(AssessmentService assessments, IStringLocalizer<Program> localizer) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public AssessmentDto Assessment { get; private set; } = null!;

    public IReadOnlyList<MissingAnswerDto> Missing { get; private set; } = [];

    [BindProperty]
    public bool Confirm { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), localizer["Tick the box to confirm that the answers are final."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var outcome = await assessments.SubmitAsync(User, Id, cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["The {0} assessment is submitted. These are its results.", outcome.Value!.Round];
            return RedirectToPage("Results", new { id = Id });
        }
        var failure = outcome.Failure!;
        if (failure.Kind == AssessmentFailureKind.NotFound) return NotFound();
        if (failure.Kind == AssessmentFailureKind.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(cancellationToken)) return NotFound();
        ModelState.AddModelError(string.Empty, failure.Message);
        Response.StatusCode = failure.Kind == AssessmentFailureKind.Incomplete ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await assessments.GetAsync(User, Id, cancellationToken);
        if (!outcome.Succeeded) return false;
        Assessment = outcome.Value!;
        var questionnaire = assessments.QuestionnaireOf(Assessment);
        Missing = AssessmentService.Missing(questionnaire,
            Assessment.Answers.Select(a => (a.QuestionKey, AnswerRules.ParseChoice(a.Choice), a.Level, a.Value)));
        return true;
    }
}
