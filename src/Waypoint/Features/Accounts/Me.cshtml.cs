using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Accounts;

/// <summary>The signed-in person's own account: name, language, password.</summary>
[Authorize]
internal sealed class MeModel(UserManager<WaypointUser> users, SignInManager<WaypointUser> signIn, Languages languages,
    IOptions<IdentityOptions> identity, IStringLocalizer<Program> localizer) : PageModel
{
    private const string StatusKey = "Accounts.Me.Status";

    public ProfileInput Profile { get; private set; } = new();

    public PasswordInput Password { get; private set; } = new();

    public string Email { get; private set; } = "";

    public IReadOnlyList<Language> Languages => languages.All;

    public string PasswordRule => AccountPages.PasswordRule(identity.Value, localizer);

    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        Profile = new ProfileInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };
        Status = TempData[StatusKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync([Bind(Prefix = nameof(Profile))] ProfileInput profile)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        Profile = profile;

        var displayName = profile.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0) ModelState.AddModelError("Profile.DisplayName", localizer["Enter the name colleagues know you by."]);
        else if (displayName.Length > AccountFields.DisplayNameMaxLength)
            ModelState.AddModelError("Profile.DisplayName", localizer["The name must have at most {0} characters.", AccountFields.DisplayNameMaxLength]);
        if (!languages.IsSupported(profile.PreferredLanguage))
            ModelState.AddModelError("Profile.PreferredLanguage", localizer["Choose one of the 24 official EU languages."]);
        if (!ModelState.IsValid) return Page();

        user.DisplayName = displayName;
        user.PreferredLanguage = languages.Find(profile.PreferredLanguage)!.Code;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
            return Page();
        }
        AccountPages.RememberLanguage(Response, user.PreferredLanguage);
        // The header shows the name from the session: renew it with the new one.
        await signIn.RefreshSignInAsync(user);
        TempData[StatusKey] = localizer["Your profile is saved."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync([Bind(Prefix = nameof(Password))] PasswordInput password)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        Profile = new ProfileInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };

        if (string.IsNullOrEmpty(password.CurrentPassword)) ModelState.AddModelError("Password.CurrentPassword", localizer["Enter your current password."]);
        if (string.IsNullOrEmpty(password.NewPassword)) ModelState.AddModelError("Password.NewPassword", localizer["Enter a new password."]);
        else if (password.NewPassword.Length > AccountFields.PasswordMaxLength)
            ModelState.AddModelError("Password.NewPassword", localizer["The password must have at most {0} characters.", AccountFields.PasswordMaxLength]);
        else if (password.NewPassword != password.ConfirmPassword)
            ModelState.AddModelError("Password.ConfirmPassword", localizer["The two passwords are not the same. Type the same password twice."]);
        if (!ModelState.IsValid) return Page();

        var result = await users.ChangePasswordAsync(user, password.CurrentPassword!, password.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Password.CurrentPassword" : "Password.NewPassword", error.Description);
            return Page();
        }
        // The security stamp changed: sessions elsewhere end at their next check, this one is renewed.
        await signIn.RefreshSignInAsync(user);
        TempData[StatusKey] = localizer["Your password is changed."].Value;
        return RedirectToPage();
    }

    public sealed class ProfileInput
    {
        public string? DisplayName { get; set; }
        public string? PreferredLanguage { get; set; }
    }

    public sealed class PasswordInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
