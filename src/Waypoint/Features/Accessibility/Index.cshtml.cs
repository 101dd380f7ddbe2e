using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Accessibility;

/// <summary>
/// The accessibility statement that public-sector bodies publish under the Web Accessibility Directive (Directive (EU)
/// 2016/2102), in the order of the Commission's model statement (Implementing Decision (EU) 2018/1523): status,
/// what is not accessible, how the statement was prepared, feedback and contact, enforcement. docs/accessibility.md
/// says how it is kept true.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(IOptions<AppOptions> options) : PageModel
{
    /// <summary>When the statement was prepared from the tests it describes. Update it with the statement.</summary>
    public static readonly DateOnly Prepared = new(2026, 11, 25);

    /// <summary>When the statement was last checked against the application.</summary>
    public static readonly DateOnly Reviewed = new(2026, 11, 25);

    public string? Operator { get; private set; }

    public string Contact { get; private set; } = "";

    public string SiteAddress { get; private set; } = "";

    public void OnGet()
    {
        var app = options.Value;
        var site = string.IsNullOrWhiteSpace(app.PublicUrl)
            ? new Uri($"{Request.Scheme}://{Request.Host}/")
            : new Uri(app.PublicUrl.TrimEnd('/') + "/");
        SiteAddress = site.GetLeftPart(UriPartial.Authority);
        Operator = string.IsNullOrWhiteSpace(app.Operator) ? null : app.Operator.Trim();
        Contact = string.IsNullOrWhiteSpace(app.AccessibilityContact)
            ? "accessibility@" + site.Host
            : app.AccessibilityContact.Trim();
    }
}
