namespace Waypoint.Features.Organisations;

internal static class OrganisationsRegistration
{
    public static WebApplicationBuilder AddOrganisations(this WebApplicationBuilder builder) => builder;

    public static void MapOrganisations(this WebApplication app)
    {
    }
}
