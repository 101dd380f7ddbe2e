using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Waypoint.Features.Organisations;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.PeerQuestions;

/// <summary>A question with its answers. Signed-in members of other organisations than the asker's answer it here;
/// the asker is emailed a link.</summary>
[Authorize]
[EnableRateLimiting(WebRegistration.ContributionRateLimit)]
internal sealed class DetailsModel(PeerQuestionService service, IStringLocalizer<Program> localizer) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? OrganisationId { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public QuestionDto Question { get; private set; } = null!;

    /// <summary>The person's organisations they may answer for: all but the asker's.</summary>
    public IReadOnlyList<MemberOrganisation> AnswerAs { get; private set; } = [];

    public bool IsAsker { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await service.AnswerAsync(User, Id, new AnswerQuestionRequest(OrganisationId, Body), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["Your answer is posted; the asker is told by email."];
            return RedirectToPage(new { id = Id });
        }
        var failure = outcome.Failure!;
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        if (failure.Kind == FailureKind.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(cancellationToken)) return NotFound();
        PageErrors.Add(ModelState, failure, field => field == "organisationId" ? "answer-organisation" : "answer-body");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await service.GetAsync(Id, cancellationToken) is not { } question) return false;
        Question = question;
        AnswerAs = [.. (await service.OrganisationsOfAsync(User, cancellationToken)).Where(o => o.Id != question.OrganisationId)];
        IsAsker = await service.IsAskerAsync(User, Id, cancellationToken);
        return true;
    }
}
