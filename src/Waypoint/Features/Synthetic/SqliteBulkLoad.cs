using Microsoft.EntityFrameworkCore;
using Waypoint.Data;

namespace Waypoint.Features.Synthetic;

/// <summary>
/// Connection settings for one large load on SQLite, restored afterwards: a page cache of 256 MB, so that the indexes
/// being filled stay in memory, and no syncing to disk until the load is over (a crash in the middle loses only the
/// load, which is rolled back: the journal still protects the database).
/// </summary>
internal sealed class SqliteBulkLoad : IAsyncDisposable
{
    private readonly WaypointDbContext _db;

    private SqliteBulkLoad(WaypointDbContext db) => _db = db;

    /// <summary>The connection must already be open, so that the settings apply to the one the load uses.</summary>
    public static async Task<SqliteBulkLoad> BeginAsync(WaypointDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA synchronous = OFF;", cancellationToken);
        return new SqliteBulkLoad(db);
    }

    public async ValueTask DisposeAsync()
    {
        // The values SqlitePragmas and SQLite give every connection.
        await _db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000; PRAGMA synchronous = NORMAL;");
    }
}
