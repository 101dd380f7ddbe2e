namespace Waypoint.Features.Analytics;

/// <summary>Coordinator analytics: maps, rankings, distributions, change and participation, with exports.</summary>
internal static class AnalyticsRegistration
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static void MapAnalytics(this WebApplication app)
    {
    }
}
