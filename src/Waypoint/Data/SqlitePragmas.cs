using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Waypoint.Data;

/// <summary>
/// Settings every SQLite connection needs once several requests write at the same time (colleagues answering one
/// assessment, the load benchmark's 50 clients). Write-ahead logging lets readers go on while one request writes,
/// instead of every reader waiting for the writer's lock; the busy timeout makes a writer that finds the database
/// locked (another process, a migration) wait for it instead of failing at once with "database is locked".
/// Within the application, writers queue on <see cref="DatabaseWriteGate"/> before they reach SQLite at all.
/// In WAL mode, synchronous = NORMAL syncs the log at checkpoints instead of at every commit: the database stays
/// consistent whatever happens, and a crash of the application loses nothing; only a power cut or an operating-system
/// crash can lose the last commits. That is SQLite's recommended setting for WAL, and it makes a commit take
/// microseconds instead of a disk flush, which is what lets 50 colleagues save answers at once (docs/benchmarks.md).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // journal_mode is stored in the database file, so this is a no-op after the first connection; the others are per connection.
    private const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";

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
