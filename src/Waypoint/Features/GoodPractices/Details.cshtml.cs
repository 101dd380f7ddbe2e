using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Features.GoodPractices;

/// <summary>One approved good practice, with the name of the authority that shared it (sharing is consent to that).
/// Pending and rejected ones are not found.</summary>
[AllowAnonymous]
internal sealed class DetailsModel(GoodPracticeLibrary library) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public GoodPracticeEntryDto Practice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await library.FindAsync(Id, cancellationToken) is not { } found) return NotFound();
        Practice = found;
        return Page();
    }
}
