using Microsoft.AspNetCore.DataProtection;
using Waypoint.Data;

namespace Waypoint.Infrastructure.DataProtection;

internal static class DataProtectionRegistration
{
    public const string ApplicationName = "Waypoint";

    /// <summary>
    /// Session cookies, antiforgery tokens, bearer tokens and email links are encrypted with data-protection keys.
    /// Keeping the keys in the database lets every web node read what another node wrote, and keeps sessions
    /// across restarts. The application name is fixed because the default one is the content root path, which
    /// may differ between nodes. The key ring is first read after <see cref="DatabaseStartup"/> has migrated,
    /// because hosted services start in registration order and AddData comes first in Program.cs.
    /// </summary>
    public static WebApplicationBuilder AddSharedDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<WaypointDbContext>();
        return builder;
    }
}
