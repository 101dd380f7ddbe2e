namespace Waypoint.Features.Toolbox;

/// <summary>The toolbox catalogue: instruments for digital transformation, searchable, edited by editors.</summary>
internal static class ToolboxRegistration
{
    public static WebApplicationBuilder AddToolbox(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static void MapToolbox(this WebApplication app)
    {
    }
}
