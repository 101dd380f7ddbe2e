using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Features.Benchmarks.Cube;

namespace Waypoint.Features.Benchmarks;

/// <summary>
/// Holds the current <see cref="BenchmarkSnapshot"/> of this web node. <see cref="ReloadAsync"/> builds it from all
/// entries; <see cref="RefreshAsync"/> adds what other nodes (or this one) recorded since, so a submission shows in
/// every node's figures within one refresh interval. Entries never change their scores, so growing the cube is exact.
/// </summary>
internal sealed partial class BenchmarkStore(IServiceScopeFactory scopes, IOptions<BenchmarkOptions> options, ILogger<BenchmarkStore> logger)
{
    // Re-read entries recorded shortly before the last one seen: a transaction that committed late may carry an
    // earlier timestamp than one already read.
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _updating = new(1, 1);
    private volatile BenchmarkSnapshot _current = BenchmarkSnapshot.Empty(options.Value.MinimumGroupSize);

    public BenchmarkSnapshot Current => _current;

    /// <summary>How long the last full reload took (reading and building), for the logs and benchmarks.</summary>
    public TimeSpan LastReloadDuration { get; private set; }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _updating.WaitAsync(cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            var (records, last) = await BenchmarkLoader.LoadAllAsync(db, cancellationToken);
            _current = Build(records, last);
            LastReloadDuration = watch.Elapsed;
            LogReloaded(records.Count, (long)watch.Elapsed.TotalMilliseconds);
        }
        finally
        {
            _updating.Release();
        }
    }

    /// <summary>Adds the entries recorded since the last look. Returns false when it found none.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _updating.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            var since = current.LastRecordedAt == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : current.LastRecordedAt - Overlap;
            var (read, last) = since == DateTimeOffset.MinValue
                ? await BenchmarkLoader.LoadAllAsync(db, cancellationToken)
                : await BenchmarkLoader.LoadSinceAsync(db, since, cancellationToken);
            var added = read.Where(r => !current.Records.ContainsKey(r.AssessmentId)).ToList();
            var changed = read.Where(r => current.Records.TryGetValue(r.AssessmentId, out var known) && known.ResultsPublished != r.ResultsPublished).ToList();
            if (added.Count == 0 && changed.Count == 0) return false;

            var records = current.Records.ToDictionary();
            foreach (var record in added.Concat(changed)) records[record.AssessmentId] = record;
            var latest = last > current.LastRecordedAt ? last : current.LastRecordedAt;
            _current = added.All(current.Cube.Layout.Covers)
                ? new BenchmarkSnapshot(records.ToFrozenDictionary(), current.Cube.With(added), latest)
                : Build(records.Values, latest); // a round, country or region the cube has no place for yet
            return true;
        }
        finally
        {
            _updating.Release();
        }
    }

    /// <summary>Whether the database holds as many entries as this node (entries are removed only when Synthetic
    /// Europe is regenerated, which calls for a reload).</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        return await BenchmarkLoader.CountAsync(db, cancellationToken) == _current.Records.Count;
    }

    private BenchmarkSnapshot Build(IReadOnlyCollection<BenchmarkRecord> records, DateTimeOffset last)
    {
        var layout = new CubeLayout(records.Select(r => r.Round), records.Select(r => r.CountryCode),
            records.Where(r => r.Nuts2Code is not null).Select(r => r.Nuts2Code!));
        var cube = BenchmarkCube.Build(layout, records, options.Value.MinimumGroupSize);
        return new BenchmarkSnapshot(records.ToFrozenDictionary(r => r.AssessmentId), cube, last);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmarks built from {Count} submitted assessments in {Milliseconds} ms.")]
    private partial void LogReloaded(int count, long milliseconds);
}
