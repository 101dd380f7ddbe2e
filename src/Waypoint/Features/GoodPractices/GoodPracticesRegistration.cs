namespace Waypoint.Features.GoodPractices;

/// <summary>Shared good practices: publication, moderation and the public library.</summary>
internal static class GoodPracticesRegistration
{
    public static WebApplicationBuilder AddGoodPractices(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static void MapGoodPractices(this WebApplication app)
    {
    }
}
