using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Data.Authorities;

namespace Waypoint.Features.Authorities.Import;

/// <summary>What an import did.</summary>
internal sealed record ImportOutcome(bool Skipped, int Inserted, int Updated, int Unchanged, TimeSpan Elapsed);

/// <summary>
/// Loads the directory (member states, NUTS regions, municipalities) from the reference data at start. It is
/// idempotent: a SHA-256 of the files in <see cref="ReferenceDataImport"/> makes a start skip it when nothing
/// changed; after a data update it upserts by code (updates what changed, inserts what is new, deletes nothing,
/// because organisations and assessments refer to authorities).
/// </summary>
internal sealed partial class AuthorityImport(IOptions<ReferenceDataOptions> options, ILogger<AuthorityImport> logger) : IDatabaseSeeder
{
    public const string Dataset = "authorities";

    public async Task SeedAsync(WaypointDbContext db, CancellationToken cancellationToken) => await ImportAsync(db, cancellationToken);

    public async Task<ImportOutcome> ImportAsync(WaypointDbContext db, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var directory = options.Value.Directory;
        var sha256 = await ReferenceDirectory.HashAsync(directory, cancellationToken);
        if (await IsImportedAsync(db, sha256, cancellationToken))
        {
            LogUpToDate(sha256[..12]);
            return new ImportOutcome(true, 0, 0, 0, stopwatch.Elapsed);
        }

        var reference = await ReferenceDirectory.LoadAsync(directory, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // Several web nodes may start at once: one imports, the others wait here and then find it done.
                // (SQLite transactions of Microsoft.Data.Sqlite begin IMMEDIATE, which serialises writers already.)
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7450001)", cancellationToken);
            }
            if (await IsImportedAsync(db, sha256, cancellationToken)) return new ImportOutcome(true, 0, 0, 0, stopwatch.Elapsed);

            var (inserted, updated, unchanged) = await UpsertAsync(db, reference.Authorities, cancellationToken);
            await RecordAsync(db, sha256, reference.Authorities.Count, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            // Fresh statistics let the query planner see that a type or a country is no selective filter, so that
            // searches keep to the indexes made for them. On PostgreSQL, VACUUM also marks the pages all-visible,
            // which lets a search count from the covering index alone.
            var table = new AuthorityTable(db).Name;
            var refresh = db.Database.IsNpgsql() ? "VACUUM (ANALYZE) " + table : "ANALYZE " + table;
            await db.Database.ExecuteSqlRawAsync(refresh, cancellationToken);
            return new ImportOutcome(false, inserted, updated, unchanged, stopwatch.Elapsed);
        });
        if (!outcome.Skipped)
        {
            LogImported(outcome.Inserted, outcome.Updated, outcome.Unchanged, outcome.Elapsed.TotalSeconds, db.Database.ProviderName ?? "?");
        }
        return outcome;
    }

    private static Task<bool> IsImportedAsync(WaypointDbContext db, string sha256, CancellationToken cancellationToken) =>
        db.ReferenceDataImports.AsNoTracking().AnyAsync(i => i.Dataset == Dataset && i.Sha256 == sha256, cancellationToken);

    private static async Task RecordAsync(WaypointDbContext db, string sha256, int rowCount, CancellationToken cancellationToken)
    {
        var record = await db.ReferenceDataImports.FindAsync([Dataset], cancellationToken);
        if (record is null)
        {
            record = new ReferenceDataImport { Dataset = Dataset, Sha256 = sha256 };
            db.ReferenceDataImports.Add(record);
        }
        record.Sha256 = sha256;
        record.RowCount = rowCount;
        record.ImportedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<(int Inserted, int Updated, int Unchanged)> UpsertAsync(
        WaypointDbContext db, IReadOnlyList<ReferenceAuthority> reference, CancellationToken cancellationToken)
    {
        var stored = await db.Authorities.AsNoTracking()
            .Where(a => a.Type != AuthorityType.OtherPublicBody)
            .Select(a => new AuthorityRow(a.Id, a.Code, a.Type, a.NutsLevel, a.Name, a.SearchName, a.CountryCode, a.NutsCode, a.Population, a.AreaKm2, a.ParentId))
            .ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        var idOf = stored.Values.ToDictionary(s => s.Code, s => s.Id, StringComparer.Ordinal);
        var writer = AuthorityWriter.For(db);

        var (inserted, updated, unchanged) = (0, 0, 0);
        // Level by level, so that the parents of a level have their ids before the level is written.
        foreach (var level in reference.GroupBy(r => (r.Type, r.NutsLevel)))
        {
            var toInsert = new List<AuthorityRow>();
            var toUpdate = new List<AuthorityRow>();
            foreach (var row in level)
            {
                var parentId = row.ParentCode is null ? (int?)null : idOf[row.ParentCode];
                stored.TryGetValue(row.Code, out var current);
                var wanted = new AuthorityRow(current?.Id ?? 0, row.Code, row.Type, row.NutsLevel, row.Name, SearchText.Fold(row.Name),
                    row.CountryCode, row.NutsCode, row.Population, row.AreaKm2, parentId);
                if (current is null) toInsert.Add(wanted);
                else if (current != wanted) toUpdate.Add(wanted);
                else unchanged++;
            }
            await writer.InsertAsync(toInsert, cancellationToken);
            await writer.UpdateAsync(toUpdate, cancellationToken);
            inserted += toInsert.Count;
            updated += toUpdate.Count;

            if (level.Key.Type != AuthorityType.Municipality && toInsert.Count > 0)
            {
                var (type, nutsLevel) = level.Key;
                var ids = await db.Authorities.AsNoTracking()
                    .Where(a => a.Type == type && a.NutsLevel == nutsLevel)
                    .Select(a => new { a.Code, a.Id })
                    .ToListAsync(cancellationToken);
                foreach (var a in ids) idOf[a.Code] = a.Id;
            }
        }
        return (inserted, updated, unchanged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory of authorities is up to date (reference data {Sha256}…).")]
    private partial void LogUpToDate(string sha256);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Directory of authorities imported: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged in {Seconds:0.0} s ({Provider}).")]
    private partial void LogImported(int inserted, int updated, int unchanged, double seconds, string provider);
}
