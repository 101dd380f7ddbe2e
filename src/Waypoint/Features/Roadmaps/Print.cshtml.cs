using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Features.Roadmaps;

/// <summary>The roadmap on one page for printing: no forms, every action with its reason, help and checklist.</summary>
[Authorize]
internal sealed class PrintModel(RoadmapService roadmaps) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public RoadmapDto Roadmap { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await roadmaps.GetAsync(User, Id, cancellationToken);
        if (!outcome.Succeeded) return NotFound();
        Roadmap = outcome.Value!;
        return Page();
    }
}
