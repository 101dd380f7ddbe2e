using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Waypoint.Data;

namespace Waypoint.Migrations.Postgres;

/// <summary>Lets the EF tools build the model for this provider without starting the web application or a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WaypointDbContext>
{
    public WaypointDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WaypointDbContext>()
            .UseNpgsql("Host=localhost;Database=waypoint_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
