using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(WebRegistration.AuthRateLimit)]
internal sealed class RegisterModel(Registrar registrar, IOptions<IdentityOptions> identity, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string PasswordRule => AccountPages.PasswordRule(identity.Value, localizer);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new RegistrationInput(Input.Email, Input.DisplayName, Input.Password, null);
        if (!string.IsNullOrEmpty(Input.Password) && Input.Password != Input.ConfirmPassword)
        {
            // Nothing is created; the other problems are listed too, so that one round fixes everything.
            AccountPages.AddErrors(ModelState, await registrar.ValidateAsync(input));
            ModelState.AddModelError("Input.ConfirmPassword", localizer["The two passwords are not the same. Type the same password twice."]);
            return Page();
        }
        var result = await registrar.RegisterAsync(input, cancellationToken);
        if (!result.Succeeded)
        {
            AccountPages.AddErrors(ModelState, result.Errors);
            return Page();
        }

        TempData[CheckEmailModel.EmailKey] = result.User!.Email;
        return RedirectToPage("/Accounts/CheckEmail");
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
