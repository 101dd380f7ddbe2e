using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Accounts;

/// <summary>Where the reset link leads: the email and code come from the link, the person chooses the new password.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebRegistration.AuthRateLimit)]
internal sealed class ResetPasswordModel(UserManager<WaypointUser> users, IOptions<IdentityOptions> identity, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string PasswordRule => AccountPages.PasswordRule(identity.Value, localizer);

    /// <summary>The code came in the link: no need to show it.</summary>
    public bool CodeFromLink { get; private set; }

    public void OnGet(string? email, string? code)
    {
        Input.Email = email;
        Input.Code = code;
        CodeFromLink = !string.IsNullOrEmpty(code);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        CodeFromLink = false;
        var email = Input.Email?.Trim() ?? "";
        if (email.Length == 0) ModelState.AddModelError("Input.Email", localizer["Enter the email address of your account."]);
        if (string.IsNullOrWhiteSpace(Input.Code)) ModelState.AddModelError("Input.Code", localizer["Enter the code from the email, or open the link in it."]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", localizer["Enter a new password."]);
        else if (Input.Password.Length > AccountFields.PasswordMaxLength)
            ModelState.AddModelError("Input.Password", localizer["The password must have at most {0} characters.", AccountFields.PasswordMaxLength]);
        else if (Input.Password != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", localizer["The two passwords are not the same. Type the same password twice."]);
        if (!ModelState.IsValid) return Page();

        var user = email.Length <= AccountFields.EmailMaxLength ? await users.FindByEmailAsync(email) : null;
        var token = AccountPages.DecodeToken(Input.Code);
        // An unknown address reads as a bad code, so that this page does not tell which addresses have accounts.
        var result = user is null || token is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, token, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(AccountFields.Of(error) == AccountFields.Password ? "Input.Password" : "Input.Code", error.Description);
            return Page();
        }

        // Whoever holds the reset link controls the mailbox: a lock-out from wrong guesses no longer protects anything.
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        TempData[SignInModel.NoticeKey] = localizer["Your password is changed. Sign in with your new password."].Value;
        return RedirectToPage("/Accounts/SignIn");
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Code { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
