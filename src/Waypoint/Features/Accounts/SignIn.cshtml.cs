using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(WebRegistration.AuthRateLimit)]
internal sealed class SignInModel(SignInManager<WaypointUser> signIn, UserManager<WaypointUser> users, IStringLocalizer<Program> localizer,
    TimeProvider clock) : PageModel
{
    public const string NoticeKey = "Accounts.SignIn.Notice";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The account exists but its address is not confirmed: offer to send the link again.</summary>
    public bool OfferResend { get; private set; }

    /// <summary>Too many wrong passwords: offer to reset it.</summary>
    public bool LockedOut { get; private set; }

    public string? Notice { get; private set; }

    public void OnGet() => Notice = TempData[NoticeKey] as string;

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Input.Email?.Trim() ?? "";
        if (email.Length == 0) ModelState.AddModelError("Input.Email", localizer["Enter your email address."]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", localizer["Enter your password."]);
        if (!ModelState.IsValid) return Page();

        var user = email.Length <= AccountFields.EmailMaxLength ? await users.FindByEmailAsync(email) : null;
        if (user is null)
        {
            // Spend the time a password check takes, so that the answer's delay does not tell which addresses have accounts.
            _ = users.PasswordHasher.HashPassword(new WaypointUser(), Input.Password!);
            ModelState.AddModelError("", localizer["The email address or the password is not right."]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            AccountPages.RememberLanguage(Response, user.PreferredLanguage);
            return LocalRedirect(AccountPages.SafeReturnUrl(Url, ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            LockedOut = true;
            var until = await users.GetLockoutEndDateAsync(user) ?? clock.GetUtcNow();
            var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
            ModelState.AddModelError("", localizer["Too many wrong passwords: this account is locked for {0} minutes, until {1} UTC. Try again then, or reset your password.",
                minutes, until.UtcDateTime.ToString("t", System.Globalization.CultureInfo.CurrentCulture)]);
        }
        else if (result.IsNotAllowed && !user.EmailConfirmed)
        {
            OfferResend = true;
            ModelState.AddModelError("", localizer["Your email address is not confirmed yet. Open the link we emailed you, or ask for a new one."]);
        }
        else
        {
            ModelState.AddModelError("", localizer["The email address or the password is not right."]);
        }
        return Page();
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }
}
