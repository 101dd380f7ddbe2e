using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Features.Organisations;

namespace Waypoint.Features.Roadmaps;

/// <summary>Generates the roadmap of a submitted assessment (a form on the results page posts here), then shows it.</summary>
[Authorize]
internal sealed class CreateModel(RoadmapService roadmaps) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync([FromForm] Guid assessmentId, CancellationToken cancellationToken)
    {
        var outcome = await roadmaps.CreateAsync(User, assessmentId, cancellationToken);
        if (outcome.Succeeded) return Redirect($"~/roadmaps/{outcome.Value!.Id}");
        if (await roadmaps.FindForAssessmentAsync(User, assessmentId, cancellationToken) is { } existing) return Redirect($"~/roadmaps/{existing}");
        return outcome.Failure!.Kind switch
        {
            FailureKind.Forbidden => Forbid(),
            FailureKind.Conflict => Redirect($"~/assessments/{assessmentId}/results"),
            _ => NotFound(),
        };
    }
}
