using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Features.GoodPractices;

/// <summary>"Peers strong where you are weak", for the organisation's members: see <see cref="PeerStrengths"/>.</summary>
[Authorize]
internal sealed class PeersStrongModel(PeerStrengths strengths) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public PeerStrengthsDto Strengths { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await strengths.ForAsync(User, Id, cancellationToken);
        if (!outcome.Succeeded) return NotFound();
        Strengths = outcome.Value!;
        return Page();
    }
}
