using Microsoft.Data.Sqlite;
using Npgsql;

namespace Waypoint.Tests.Infrastructure;

/// <summary>
/// Which database the tests run on: SQLite by default, PostgreSQL when <c>WAYPOINT_TEST_PROVIDER=Postgres</c>, with
/// <c>WAYPOINT_TEST_POSTGRES</c> the connection string of a role that may create databases. Migrating and loading the
/// 95,217 authorities is done once per run into a template; every test fixture gets a fresh copy of it. A fixture's
/// copy is dropped when the fixture is disposed, and the template when the test process exits, so runs leave nothing behind.
/// </summary>
public static class TestDatabase
{
    public static string Provider { get; } = Environment.GetEnvironmentVariable("WAYPOINT_TEST_PROVIDER") ?? "Sqlite";

    public static bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;
    private static readonly string RunId = $"{DateTime.UtcNow:MMddHHmmss}{Environment.ProcessId}";
    private static int _counter;

    public static string PostgresAdminConnection =>
        Environment.GetEnvironmentVariable("WAYPOINT_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=waypoint;Password=waypoint;Database=postgres";

    /// <summary>A connection string to a new database holding the migrated schema and the full directory.</summary>
    public static async Task<string> CreateAsync(Func<string, Task> prepareTemplate)
    {
        var template = await TemplateAsync(prepareTemplate);
        var n = Interlocked.Increment(ref _counter);
        if (!IsPostgres)
        {
            var path = Path.Combine(Path.GetTempPath(), "waypoint-tests", $"{RunId}-{n}.db");
            File.Copy(template, path, overwrite: true);
            return $"Data Source={path};Pooling=False";
        }
        var name = $"waypoint_test_{RunId}_{n}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new NpgsqlConnectionStringBuilder(PostgresAdminConnection) { Database = name }.ConnectionString;
    }

    private static async Task<string> TemplateAsync(Func<string, Task> prepareTemplate)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            if (!IsPostgres)
            {
                var directory = Path.Combine(Path.GetTempPath(), "waypoint-tests");
                Directory.CreateDirectory(directory);
                var path = Path.Combine(directory, $"{RunId}-template.db");
                await prepareTemplate($"Data Source={path};Pooling=False");
                _template = path;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteSqliteFiles(path);
            }
            else
            {
                var name = $"waypoint_test_{RunId}_template";
                await ExecuteAsync($"CREATE DATABASE \"{name}\"");
                await prepareTemplate(new NpgsqlConnectionStringBuilder(PostgresAdminConnection) { Database = name }.ConnectionString);
                // A template may not have open connections while it is copied.
                NpgsqlConnection.ClearAllPools();
                _template = name;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgresTemplate(name);
            }
            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>Removes a database made by <see cref="CreateAsync"/>.</summary>
    public static async Task DropAsync(string connectionString)
    {
        if (connectionString.Length == 0) return;
        if (!IsPostgres)
        {
            DeleteSqliteFiles(new SqliteConnectionStringBuilder(connectionString).DataSource);
            return;
        }
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void DeleteSqliteFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static void DropPostgresTemplate(string name)
    {
        using var connection = new NpgsqlConnection(PostgresAdminConnection);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresAdminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
