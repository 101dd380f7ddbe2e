using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Accounts;

/// <summary>What the account pages share.</summary>
internal static class AccountPages
{
    /// <summary>Where to go after signing in: the requested page when it is on this site, the home page otherwise
    /// ("~/": in the reader's language when the address has a language prefix).</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "~/";

    /// <summary>Makes the interface speak the account's preferred language from the next page on.</summary>
    public static void RememberLanguage(HttpResponse response, string language) =>
        response.Cookies.Append(LocalizationRegistration.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

    /// <summary>The password rule in words, from the options Identity enforces.</summary>
    public static string PasswordRule(IdentityOptions options, IStringLocalizer localizer)
    {
        var parts = new List<string> { localizer["at least {0} characters", options.Password.RequiredLength] };
        if (options.Password.RequireDigit) parts.Add(localizer["a digit"]);
        if (options.Password.RequireLowercase) parts.Add(localizer["a lower-case letter"]);
        if (options.Password.RequireUppercase) parts.Add(localizer["an upper-case letter"]);
        if (options.Password.RequireNonAlphanumeric) parts.Add(localizer["a character that is neither a letter nor a digit"]);
        return localizer["Your password needs {0}. A few unrelated words with a number are easy to remember and hard to guess.", string.Join(", ", parts)];
    }

    /// <summary>Tokens travel in links Base64url-encoded, as Identity's API sends them.</summary>
    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>Puts errors keyed by <see cref="AccountFields"/> on the form fields named <c>Input.Xxx</c>.</summary>
    public static void AddErrors(ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix = "Input")
    {
        foreach (var (field, messages) in errors)
        {
            var key = field.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var message in messages) modelState.AddModelError(key, message);
        }
    }
}
