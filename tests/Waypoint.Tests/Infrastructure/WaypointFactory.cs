using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Data;

namespace Waypoint.Tests.Infrastructure;

/// <summary>
/// The whole application in memory, on its own copy of the test database (SQLite or PostgreSQL, see
/// <see cref="TestDatabase"/>), with emails written to its own folder. Use it as a class fixture.
/// </summary>
public class WaypointFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = "";

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "waypoint-tests", "mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>Extra configuration a test class needs (for example a lower rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync(PrepareTemplateAsync);
    }

    /// <summary>Starts the application once on the template so that its start-up migrates and loads the directory.</summary>
    private static async Task PrepareTemplateAsync(string connectionString)
    {
        await using var templateFactory = new ConfiguredFactory(connectionString, Path.GetTempPath(), new Dictionary<string, string?>());
        _ = templateFactory.Services; // builds and starts the host, which runs the database start-up
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        ConfiguredFactory.Configure(builder, _connectionString, MailDirectory, ExtraSettings);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(_connectionString);
        if (Directory.Exists(MailDirectory)) Directory.Delete(MailDirectory, recursive: true);
    }

    /// <summary>A scope to look at or arrange the database directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<WaypointDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<WaypointDbContext>());
    }

    public async Task WithDbAsync(Func<WaypointDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<WaypointDbContext>());
    }

    private sealed class ConfiguredFactory(string connectionString, string mailDirectory, IReadOnlyDictionary<string, string?> extra)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => Configure(builder, connectionString, mailDirectory, extra);

        public static void Configure(IWebHostBuilder builder, string connectionString, string mailDirectory, IReadOnlyDictionary<string, string?> extra)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", TestDatabase.IsPostgres ? "Postgres" : "Sqlite");
            builder.UseSetting("ConnectionStrings:Waypoint", connectionString);
            builder.UseSetting("Seed:Demo", "false");
            builder.UseSetting("Email:PickupDirectory", mailDirectory);
            builder.UseSetting("RateLimits:AuthPerMinute", "1000");
            foreach (var (key, value) in extra) builder.UseSetting(key, value);
        }
    }
}
