using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Recommendations;

namespace Waypoint.Features.Recommendations;

/// <summary>
/// Brings the library file into the database at start. Idempotent: a new entry is added; an entry whose text or rules
/// changed in the file updates its row, unless an editor has changed that row (then the editor's version stays);
/// rows the file no longer has are left as they are (roadmaps may name them).
/// </summary>
internal sealed partial class RecommendationSeeder(RecommendationLibrary library, TimeProvider clock, ILogger<RecommendationSeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(WaypointDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Recommendations.ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        int added = 0, updated = 0;
        foreach (var entry in library.Entries)
        {
            var digest = RecommendationLibrary.Digest(entry);
            if (!rows.TryGetValue(entry.Key, out var row))
            {
                row = new Recommendation { Key = entry.Key, TopicKey = entry.TopicKey, Title = entry.Title, Text = entry.Text, UpdatedAt = now };
                RecommendationService.Apply(row, entry);
                row.SourceDigest = digest;
                db.Recommendations.Add(row);
                added++;
            }
            else if (row.EditedAt is null && row.SourceDigest != digest)
            {
                RecommendationService.Apply(row, entry);
                row.SourceDigest = digest;
                row.UpdatedAt = now;
                row.Version++;
                updated++;
            }
        }
        if (added + updated == 0) return;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogSeeded(added, updated);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) || e is DbUpdateConcurrencyException)
        {
            // Another node seeded the same entries at the same moment; its result is the same.
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recommendations library: {Added} added, {Updated} updated from the library file.")]
    private partial void LogSeeded(int added, int updated);
}
