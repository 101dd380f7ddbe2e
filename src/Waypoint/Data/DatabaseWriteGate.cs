using Microsoft.Extensions.Options;

namespace Waypoint.Data;

/// <summary>
/// Lets one write transaction at a time reach SQLite, which allows only one writer anyway. Without it, concurrent
/// writers all start a transaction, all but one find the database locked, and the driver retries them after sleeping
/// (tens to hundreds of milliseconds each time); queued here they wait on an async semaphore instead and start the
/// moment the previous writer commits. On PostgreSQL, which locks rows, the gate lets everyone through.
/// Hold it around the whole transaction (begin to commit), and never across anything but the database work.
/// </summary>
internal sealed class DatabaseWriteGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim? _sqliteWriter = options.Value.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<Entered> EnterAsync(CancellationToken cancellationToken)
    {
        if (_sqliteWriter is null) return default;
        await _sqliteWriter.WaitAsync(cancellationToken);
        return new Entered(_sqliteWriter);
    }

    public void Dispose() => _sqliteWriter?.Dispose();

    /// <summary>Leaves the gate when disposed.</summary>
    public readonly struct Entered(SemaphoreSlim? semaphore) : IDisposable
    {
        public void Dispose() => semaphore?.Release();
    }
}
