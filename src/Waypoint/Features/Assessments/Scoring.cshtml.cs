using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Features.Assessments;

/// <summary>"How scores are calculated": the method of docs/scoring.md for everyone, signed in or not.</summary>
[AllowAnonymous]
internal sealed class ScoringModel : PageModel
{
    public void OnGet()
    {
    }
}
