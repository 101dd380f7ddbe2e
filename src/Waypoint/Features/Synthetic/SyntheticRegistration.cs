namespace Waypoint.Features.Synthetic;

/// <summary>Synthetic Europe: plausible generated assessments for demonstrations and load tests.</summary>
internal static class SyntheticRegistration
{
    public static WebApplicationBuilder AddSynthetic(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static void MapSynthetic(this WebApplication app)
    {
    }
}
