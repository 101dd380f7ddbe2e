using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Data.Accounts;

namespace Waypoint.Features.Accounts;

/// <summary>Where the link in the confirmation email leads. Opening it confirms the address (or a new address,
/// when the person changed it through the API).</summary>
[AllowAnonymous]
internal sealed class ConfirmEmailModel(UserManager<WaypointUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, string? changedEmail)
    {
        var token = AccountPages.DecodeToken(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null) return;

        if (string.IsNullOrEmpty(changedEmail))
        {
            Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
            return;
        }
        // The user name is the email address: both change together.
        var changed = await users.ChangeEmailAsync(user, changedEmail, token);
        Confirmed = changed.Succeeded && (await users.SetUserNameAsync(user, changedEmail)).Succeeded;
    }
}
