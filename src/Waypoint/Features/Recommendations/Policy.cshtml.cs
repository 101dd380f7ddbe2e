using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;

namespace Waypoint.Features.Recommendations;

/// <summary>For network coordinators and policy makers: the recommendations that apply most often among the submitted
/// assessments of a round, in Europe, a country or a NUTS-2 region, with counts and shares. A group smaller than the
/// minimum group size shows nothing, and no count below it is shown.</summary>
[Authorize(Policy = PlatformRoles.Coordinator)]
internal sealed partial class PolicyModel(RecommendationService recommendations, PolicyViewCache cache, IStringLocalizer<Program> l) : PageModel
{
    /// <summary>How long a counted view is kept, for the note under the figures.</summary>
    public double CacheMinutes => cache.Duration.TotalMinutes;

    [FromQuery(Name = "round")]
    public string? Round { get; set; }

    [FromQuery(Name = "country")]
    public string? Country { get; set; }

    [FromQuery(Name = "nuts2")]
    public string? Nuts2 { get; set; }

    public PolicyViewDto? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        int? round = null;
        if (!string.IsNullOrWhiteSpace(Round))
        {
            if (int.TryParse(Round, out var year) && year is >= 2000 and <= 2100) round = year;
            else ModelState.AddModelError("round", l["The round is a year, such as 2026."]);
        }
        var country = Country?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(country) && !CountryPattern().IsMatch(country))
            ModelState.AddModelError("country", l["Choose a country from the list."]);
        var nuts2 = Nuts2?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(nuts2) && !Nuts2Pattern().IsMatch(nuts2))
            ModelState.AddModelError("nuts2", l["A NUTS-2 code is two letters and two letters or digits, such as DE21."]);
        if (!ModelState.IsValid) return Page();

        View = await recommendations.PolicyAsync(round, string.IsNullOrEmpty(country) ? null : country, string.IsNullOrEmpty(nuts2) ? null : nuts2, cancellationToken);
        return Page();
    }

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Nuts2Pattern();
}
