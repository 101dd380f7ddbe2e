using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Accounts;

/// <summary>Emails a reset link. The answer is the same whether or not the address has an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebRegistration.AuthRateLimit)]
internal sealed class ForgotPasswordModel(UserManager<WaypointUser> users, IEmailSender<WaypointUser> emails, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            ModelState.AddModelError(nameof(Email), localizer["Enter the email address of your account."]);
            return Page();
        }
        var user = email.Length <= AccountFields.EmailMaxLength ? await users.FindByEmailAsync(email) : null;
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await emails.SendPasswordResetCodeAsync(user, user.Email!, AccountPages.EncodeToken(token));
        }
        return RedirectToPage(new { sent = true });
    }
}
