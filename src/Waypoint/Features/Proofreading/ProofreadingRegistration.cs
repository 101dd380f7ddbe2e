namespace Waypoint.Features.Proofreading;

/// <summary>Wording suggestions for the translations, their review by editors, and translation coverage.</summary>
internal static class ProofreadingRegistration
{
    public static WebApplicationBuilder AddProofreading(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static void MapProofreading(this WebApplication app)
    {
    }
}
