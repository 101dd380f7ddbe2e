namespace Waypoint.Features.Recommendations;

/// <summary>The recommendations library and the recommendations that apply to a submitted assessment.</summary>
internal static class RecommendationsRegistration
{
    public static WebApplicationBuilder AddRecommendations(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static void MapRecommendations(this WebApplication app)
    {
    }
}
