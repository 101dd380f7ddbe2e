namespace Waypoint.Features.Roadmaps;

/// <summary>The organisation's digitalisation roadmap, generated from its assessment and targets, edited and exported.</summary>
internal static class RoadmapsRegistration
{
    public static WebApplicationBuilder AddRoadmaps(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RoadmapService>();
        return builder;
    }

    public static void MapRoadmaps(this WebApplication app) => app.MapRoadmapsApi();
}
