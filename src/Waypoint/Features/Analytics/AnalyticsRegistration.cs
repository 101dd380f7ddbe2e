using Waypoint.Features.Analytics.Maps;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;

namespace Waypoint.Features.Analytics;

/// <summary>Coordinator analytics: maps, rankings, distributions, change and participation, with exports.</summary>
internal static class AnalyticsRegistration
{
    /// <summary>Where the map boundaries ship with the application (data/geo becomes Geo/).</summary>
    public static string GeoDirectory => RegionNames.GeoDirectory;

    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => EuropeMap.Load(GeoDirectory,
            sp.GetRequiredService<Countries>().All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal)));
        builder.Services.AddSingleton<DirectoryCounts>();
        builder.Services.AddSingleton<AnalyticsExports>();
        builder.Services.AddScoped<AnalyticsReport>();
        return builder;
    }

    public static void MapAnalytics(this WebApplication app)
    {
        // Projects the boundaries now rather than in the first visitor's request.
        _ = app.Services.GetRequiredService<EuropeMap>();
        app.MapAnalyticsApi();
    }
}
