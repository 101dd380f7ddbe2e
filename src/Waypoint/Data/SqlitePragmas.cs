using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Waypoint.Data;

/// <summary>
/// Settings every SQLite connection needs once several requests write at the same time (colleagues answering one
/// assessment, the load benchmark's 50 clients). Write-ahead logging lets readers go on while one request writes,
/// instead of every reader waiting for the writer's lock; the busy timeout makes a writer that finds the database
/// locked (another process, a migration) wait for it instead of failing at once with "database is locked".
/// Within the application, writers queue on <see cref="DatabaseWriteGate"/> before they reach SQLite at all.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // journal_mode is stored in the database file, so this is a no-op after the first connection; busy_timeout is per connection.
    private const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;";

    public static SqlitePragmas Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
