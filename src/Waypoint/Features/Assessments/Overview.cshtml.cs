using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Features.Assessments;

/// <summary>One assessment at a glance: its state and the progress of each section, linking to each.</summary>
[Authorize]
internal sealed class OverviewModel(AssessmentService assessments) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public AssessmentDto Assessment { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await assessments.GetAsync(User, Id, cancellationToken);
        if (!outcome.Succeeded) return NotFound();
        Assessment = outcome.Value!;
        return Page();
    }
}
