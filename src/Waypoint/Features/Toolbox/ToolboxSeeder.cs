using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Toolbox;

namespace Waypoint.Features.Toolbox;

/// <summary>
/// Loads the shipped catalogue into the database at every start. New entries are added; an entry nobody edited in
/// the application follows the file (when its content changed); an entry an editor saved is left alone, because the
/// editor's version is the newer word. Entries removed from the file stay: other features may link them.
/// </summary>
internal sealed partial class ToolboxSeeder(ShippedToolbox shipped, ILogger<ToolboxSeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(WaypointDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.ToolboxEntries.Include(e => e.Translations).ToDictionaryAsync(e => e.Key, StringComparer.Ordinal, cancellationToken);
        int added = 0, updated = 0, kept = 0;
        foreach (var content in shipped.Entries)
        {
            var hash = ToolboxEntries.Hash(content);
            if (!existing.TryGetValue(content.Key, out var entry))
            {
                entry = new ToolboxEntry { Key = content.Key, CatalogueHash = hash, Version = 1 };
                ToolboxEntries.Apply(entry, content);
                db.ToolboxEntries.Add(entry);
                added++;
            }
            else if (entry.EditedAt is not null)
            {
                kept++;
            }
            else if (entry.CatalogueHash != hash)
            {
                ToolboxEntries.Apply(entry, content);
                entry.CatalogueHash = hash;
                entry.Version++;
                updated++;
            }
        }
        if (added + updated == 0) return;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogLoaded(logger, added, updated, kept);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) || e is DbUpdateConcurrencyException)
        {
            // Another web node loaded the same file at the same moment: its result is the same.
            db.ChangeTracker.Clear();
            LogRace(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Toolbox catalogue: {Added} entries added, {Updated} updated from the shipped file, {Kept} kept as editors left them.")]
    private static partial void LogLoaded(ILogger logger, int added, int updated, int kept);

    [LoggerMessage(Level = LogLevel.Information, Message = "Toolbox catalogue: another node loaded the shipped file at the same time.")]
    private static partial void LogRace(ILogger logger);
}

/// <summary>The shipped catalogue, read and checked once at start.</summary>
internal sealed record ShippedToolbox(IReadOnlyList<ToolboxContent> Entries);
