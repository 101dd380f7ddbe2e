using Microsoft.AspNetCore.Localization;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Home;

internal static class LanguageEndpoint
{
    /// <summary><c>GET /language?code=de&amp;returnUrl=/authorities</c>: remembers the language in a cookie and goes back to
    /// the same page in that language (<c>/de/authorities</c>). A GET so that the switcher works without JavaScript;
    /// it changes nothing but the reader's preference.</summary>
    public static void MapLanguageSwitch(this WebApplication app) =>
        app.MapGet("/language", (string? code, string? returnUrl, HttpContext context, Languages languages) =>
        {
            if (!languages.IsSupported(code))
                return Results.Problem(title: "Unknown language", detail: $"'{code}' is not one of the 24 official EU languages.", statusCode: 400);
            context.Response.Cookies.Append(LocalizationRegistration.CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code!)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            // Only local paths: never an open redirect.
            var target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect("/" + code!.ToLowerInvariant() + (target == "/" ? "" : target));
        }).ExcludeFromDescription();
}
