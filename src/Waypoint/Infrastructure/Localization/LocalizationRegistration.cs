using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Waypoint.Infrastructure.Localization;

internal static class LocalizationRegistration
{
    public const string CookieName = ".Waypoint.Language";

    public static WebApplicationBuilder AddWaypointLocalization(this WebApplicationBuilder builder)
    {
        var baseDirectory = AppContext.BaseDirectory;
        var languages = Languages.Load(Path.Combine(baseDirectory, "ReferenceData", "eu-languages.csv"));
        var catalog = new TranslationCatalog(Path.Combine(baseDirectory, "Localization", "Translations"));

        builder.Services.AddSingleton(languages);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<IStringLocalizerFactory, PoStringLocalizerFactory>();
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = languages.All.Select(l => l.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(languages.Find(Languages.Default)!.Culture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new PathLanguageCultureProvider(),
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }
}
