using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;

namespace Waypoint.Features.Synthetic;

/// <summary>
/// Connection settings for one large load on SQLite, restored afterwards: a page cache of 256 MB, so that the indexes
/// being filled stay in memory, and no syncing to disk until the load is over (a crash in the middle loses only the
/// load, which is rolled back: the journal still protects the database).
/// <para>When the loader is the only user of the file (the command), it also leaves write-ahead logging for the load.
/// In WAL mode every page is written twice, to the log and then to the file at the checkpoint: 4 GB more for full
/// Europe (measured). A rollback journal keeps only the pages that existed before the transaction, and a load mostly
/// appends new ones.</para>
/// </summary>
internal sealed class SqliteBulkLoad : IAsyncDisposable
{
    private readonly WaypointDbContext _db;
    private readonly bool _leftWal;

    private SqliteBulkLoad(WaypointDbContext db, bool leftWal)
    {
        _db = db;
        _leftWal = leftWal;
    }

    /// <summary>The connection must already be open, so that the settings apply to the one the load uses.</summary>
    /// <param name="soleUser">True when no other process or request uses the database (the command): only then can
    /// the journal mode change.</param>
    public static async Task<SqliteBulkLoad> BeginAsync(WaypointDbContext db, bool soleUser, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA synchronous = OFF;", cancellationToken);
        var leftWal = false;
        if (soleUser)
        {
            // Idle pooled connections of the start-up seeders would keep the file in WAL mode.
            SqliteConnection.ClearAllPools();
            leftWal = await JournalModeAsync(db, "DELETE", cancellationToken) == "delete";
        }
        return new SqliteBulkLoad(db, leftWal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_leftWal) await JournalModeAsync(_db, "WAL", CancellationToken.None);
        // The values SqlitePragmas and SQLite give every connection.
        await _db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000; PRAGMA synchronous = NORMAL;");
    }

    /// <summary>Sets the journal mode and returns the one in force (SQLite keeps the old one when it cannot change).</summary>
    private static async Task<string?> JournalModeAsync(WaypointDbContext db, string mode, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode = " + mode;
        try
        {
            return (await command.ExecuteScalarAsync(cancellationToken) as string)?.ToLowerInvariant();
        }
        catch (SqliteException)
        {
            return null;
        }
    }
}
