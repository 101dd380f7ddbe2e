using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;

namespace Waypoint.Features.Analytics;

/// <summary>
/// How many active authorities the directory lists per country, type and population band: the denominators of
/// participation. The directory changes only when reference data is imported or a proposed body is approved, so the
/// counts are read once and kept for <see cref="MaxAge"/> (one grouped query over ~100,000 rows when they expire).
/// </summary>
internal sealed class DirectoryCounts(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Counts? _counts;

    public async Task<Counts> GetAsync(CancellationToken cancellationToken)
    {
        var counts = _counts;
        if (counts is not null && time.GetUtcNow() - counts.ReadAt < MaxAge) return counts;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            counts = _counts;
            if (counts is not null && time.GetUtcNow() - counts.ReadAt < MaxAge) return counts;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
            // Bands come from populations, which the database cannot band, so populations are grouped first.
            var rows = await db.Authorities.AsNoTracking().Where(a => a.Status == AuthorityStatus.Active)
                .GroupBy(a => new { a.CountryCode, a.Type, a.Population })
                .Select(g => new { g.Key.CountryCode, g.Key.Type, g.Key.Population, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var byKey = new Dictionary<(string, AuthorityType, PopulationBand), int>();
            foreach (var row in rows)
            {
                var key = (row.CountryCode, row.Type, PopulationBands.For(row.Population));
                byKey[key] = byKey.GetValueOrDefault(key) + row.Count;
            }
            _counts = counts = new Counts(byKey.ToFrozenDictionary(), time.GetUtcNow());
            return counts;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the counts, so that the next request reads them again.</summary>
    public void Invalidate() => _counts = null;

    internal sealed class Counts(FrozenDictionary<(string Country, AuthorityType Type, PopulationBand Band), int> byKey, DateTimeOffset readAt)
    {
        public DateTimeOffset ReadAt { get; } = readAt;

        /// <summary>Active authorities matching every dimension given (null means any).</summary>
        public int Of(string? country, AuthorityType? type, PopulationBand? band)
        {
            var total = 0;
            foreach (var ((c, t, b), count) in byKey)
            {
                if ((country is null || c == country) && (type is null || t == type) && (band is null || b == band)) total += count;
            }
            return total;
        }
    }
}
