using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Accounts;

/// <summary>Sends the confirmation link again. The answer is the same whether or not the address has an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebRegistration.AuthRateLimit)]
internal sealed class ResendConfirmationModel(UserManager<WaypointUser> users, Registrar registrar, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), localizer["Enter the email address you registered with."]);
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { EmailConfirmed: false }) await registrar.SendConfirmationAsync(user);
        Sent = true;
        return Page();
    }
}
