using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Features.Proofreading;

/// <summary>Turns "suggest wording" on or off for the signed-in member (a cookie), then goes back to their page.</summary>
[Authorize]
internal sealed class SuggestModeModel : PageModel
{
    public bool IsOn { get; private set; }

    public void OnGet() => IsOn = SuggestWordingMode.IsOn(HttpContext);

    public IActionResult OnPost(bool on, string? returnUrl)
    {
        SuggestWordingMode.Set(HttpContext, on);
        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? Url.Content("~" + returnUrl) : Url.Content("~/"));
    }
}
