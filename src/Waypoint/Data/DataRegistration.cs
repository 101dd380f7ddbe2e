using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Waypoint.Data;

internal static class DataRegistration
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider
            ?? DatabaseProvider.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString("Waypoint")
            ?? throw new InvalidOperationException("ConnectionStrings:Waypoint is not set.");

        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        builder.Services.AddDbContextPool<WaypointDbContext>(options => Configure(options, provider, connectionString, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<DatabaseWriteGate>();
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }

    /// <summary>Shared with tests and benchmarks so that they open the database exactly as the application does.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, string contentRoot)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ResolveSqlitePath(connectionString, contentRoot),
                    o => o.MigrationsAssembly("Waypoint.Migrations.Sqlite"));
                // Concurrent writers (colleagues answering one assessment) need write-ahead logging and a busy timeout.
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(WithPlannerSettings(connectionString), o => o.MigrationsAssembly("Waypoint.Migrations.Postgres"));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'. Use Sqlite or Postgres.");
        }
    }

    /// <summary>
    /// PostgreSQL's default random_page_cost (4) prices an index read as a seek on a spinning disk, which makes the
    /// planner scan the whole directory rather than use its trigram index, three times slower (measured). Waypoint's
    /// data lives on SSDs or in memory, for which 1.1 is the usual value. A connection string that sets Options
    /// itself keeps its own.
    /// Npgsql's default pool of 100 connections lets a burst of writers open far more sessions than the server has
    /// cores; they then wait on each other inside PostgreSQL. A pool of 10 per web node kept saving an answer under
    /// 25 ms at p95 with 50 concurrent clients, where 100 took 64 ms (docs/benchmarks.md). A connection string that
    /// sets Maximum Pool Size keeps its own.
    /// </summary>
    private static string WithPlannerSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options)) builder.Options = "-c random_page_cost=1.1";
        // A plain builder holds only the keys the string names, so it tells whether the pool size was chosen.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!MaxPoolSizeKeys.Any(given.ContainsKey)) builder.MaxPoolSize = DefaultMaxPoolSize;
        return builder.ConnectionString;
    }

    private const int DefaultMaxPoolSize = 10;

    private static readonly string[] MaxPoolSizeKeys = ["Maximum Pool Size", "Max Pool Size", "MaxPoolSize"];

    /// <summary>A relative SQLite file is placed under the content root (not the shell's current folder), and its folder is created.</summary>
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var fullPath = Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            builder.DataSource = fullPath;
        }
        return builder.ToString();
    }
}
