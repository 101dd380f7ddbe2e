using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waypoint.Data;

namespace Waypoint.Features.Proofreading;

/// <summary>Wording suggestions for the translations, their review by editors, and translation coverage.</summary>
internal static class ProofreadingRegistration
{
    public static WebApplicationBuilder AddProofreading(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProofreadingOptions>().BindConfiguration(ProofreadingOptions.Section)
            .Validate(o => o.SuggestionsPerHour > 0, "Proofreading:SuggestionsPerHour must be at least 1.")
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Proofreading:RefreshInterval must be positive, such as 00:00:02.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TranslationOverrides>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TranslationOverrides>());
        builder.Services.AddScoped<IDatabaseSeeder, TranslationOverridesLoader>();
        builder.Services.AddScoped<ProofreadingService>();
        builder.Services.AddScoped<CoverageReport>();
        builder.Services.AddSingleton<ProofreadTexts>();
        builder.Services.AddScoped<PageStringsFilter>();
        builder.Services.Configure<MvcOptions>(options => options.Filters.AddService<PageStringsFilter>());
        return builder;
    }

    public static void MapProofreading(this WebApplication app)
    {
        app.MapProofreadingApi();
        app.MapPoExport();
        app.MapQuestionnaireExport();
    }
}
