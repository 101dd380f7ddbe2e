using Waypoint.Data;

namespace Waypoint.Features.Synthetic;

/// <summary>Synthetic Europe: plausible generated assessments for demonstrations and load tests (docs/synthetic.md).</summary>
internal static class SyntheticRegistration
{
    public static WebApplicationBuilder AddSynthetic(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyntheticOptions>().BindConfiguration(SyntheticOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<SyntheticEurope>();
        // After the directory's import (registered earlier): the slice is drawn from it.
        builder.Services.AddScoped<IDatabaseSeeder, SyntheticDemoSeeder>();
        return builder;
    }

    public static void MapSynthetic(this WebApplication app)
    {
    }
}
