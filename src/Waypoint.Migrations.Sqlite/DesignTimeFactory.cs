using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Waypoint.Data;

namespace Waypoint.Migrations.Sqlite;

/// <summary>Lets the EF tools build the model for this provider without starting the web application.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WaypointDbContext>
{
    public WaypointDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WaypointDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
