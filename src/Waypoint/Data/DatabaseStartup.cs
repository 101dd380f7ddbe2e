using Microsoft.EntityFrameworkCore;

namespace Waypoint.Data;

/// <summary>A step that brings the database's content up to date at start, after migrations: reference data,
/// roles, demo accounts. Steps run in the order they were registered and must be idempotent, because every
/// web node runs them at every start.</summary>
internal interface IDatabaseSeeder
{
    Task SeedAsync(WaypointDbContext db, CancellationToken cancellationToken);
}

/// <summary>Migrates the database and runs the seeders before the server starts listening.</summary>
internal sealed partial class DatabaseStartup(IServiceProvider services, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();

        // EF Core takes a database lock while migrating, so several nodes starting at once are safe.
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(db.Database.ProviderName ?? "?");

        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder>())
        {
            await seeder.SeedAsync(db, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database is migrated ({Provider}).")]
    private partial void LogMigrated(string provider);
}
