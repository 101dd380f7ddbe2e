using Microsoft.AspNetCore.Localization;

namespace Waypoint.Infrastructure.Localization;

/// <summary>
/// A URL that starts with a language code (<c>/de/authorities</c>) is served in that language. The prefix is
/// moved into the path base, so the pages and endpoints see <c>/authorities</c>, and every link generated with
/// <c>~/</c>, <c>asp-page</c> or <c>Url.Content</c> keeps the reader in their language.
/// </summary>
internal sealed class LanguagePathMiddleware(RequestDelegate next, Languages languages)
{
    public const string ItemKey = "Waypoint.PathLanguage";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.Length >= 3 && path[0] == '/' && (path.Length == 3 || path[3] == '/'))
        {
            var code = path.Substring(1, 2);
            if (languages.Find(code) is { } language)
            {
                context.Items[ItemKey] = language.Code;
                context.Request.PathBase = context.Request.PathBase.Add("/" + language.Code);
                context.Request.Path = path.Length == 3 ? "/" : path[3..];
            }
        }
        return next(context);
    }
}

/// <summary>Reads the language the <see cref="LanguagePathMiddleware"/> found in the URL; it wins over cookie and browser.</summary>
internal sealed class PathLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(httpContext.Items[LanguagePathMiddleware.ItemKey] is string code
            ? new ProviderCultureResult(code)
            : null);
}
