namespace Waypoint.Features.Dashboard;

/// <summary>The organisation's own benchmark dashboard: its scores among its peers, its progress and its targets.</summary>
internal static class DashboardRegistration
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DashboardService>();
        return builder;
    }

    public static void MapDashboard(this WebApplication app) => app.MapDashboardApi();
}
