using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Data.Accounts;

namespace Waypoint.Features.Proofreading;

/// <summary>Per language, how much of the interface and of the questionnaire is translated, proofread, and waiting.</summary>
[Authorize(Policy = PlatformRoles.Editor)]
internal sealed class CoverageModel(CoverageReport report) : PageModel
{
    public IReadOnlyList<LanguageCoverage> Languages { get; private set; } = [];

    public string? QuestionnaireVersion => report.QuestionnaireVersion;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Languages = await report.BuildAsync(cancellationToken);
}
