using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Data.Accounts;

namespace Waypoint.Features.Accounts;

/// <summary>Signing out is a POST with the antiforgery token, so that no link or image elsewhere can do it;
/// the GET only shows the button.</summary>
[AllowAnonymous]
internal sealed class SignOutModel(SignInManager<WaypointUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("~/");
    }
}
