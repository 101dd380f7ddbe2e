using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Data.Accounts;

namespace Waypoint.Features.Recommendations;

/// <summary>For content editors: every recommendation of the library, active and retired, to edit or add.</summary>
[Authorize(Policy = PlatformRoles.Editor)]
internal sealed class ManageModel(RecommendationService recommendations) : PageModel
{
    public IReadOnlyList<RecommendationDto> Recommendations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Recommendations = await recommendations.ListAsync(cancellationToken);
}
