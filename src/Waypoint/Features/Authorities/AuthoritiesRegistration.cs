namespace Waypoint.Features.Authorities;

internal static class AuthoritiesRegistration
{
    public static WebApplicationBuilder AddAuthorities(this WebApplicationBuilder builder) => builder;

    public static void MapAuthorities(this WebApplication app)
    {
    }
}
