using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Features.Authorities;

/// <summary>An authority's card: what it is, where it lies, its size, and whether it can still be claimed.</summary>
[AllowAnonymous]
internal sealed class DetailsModel(AuthorityDirectory directory, Countries countries) : PageModel
{
    public AuthorityCard Authority { get; private set; } = null!;

    public Countries Countries => countries;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var card = await directory.FindAsync(id, cancellationToken);
        if (card is null) return NotFound();
        Authority = card;
        return Page();
    }
}
