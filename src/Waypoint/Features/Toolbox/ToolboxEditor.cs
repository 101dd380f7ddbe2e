using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Toolbox;

namespace Waypoint.Features.Toolbox;

/// <summary>The result of an editor's change: the saved entry, or why nothing was saved.</summary>
internal sealed record ToolboxEditOutcome(ToolboxEntryView? Entry, IDictionary<string, string[]> Errors, string? Conflict, bool NotFound)
{
    public static ToolboxEditOutcome Saved(ToolboxEntryView entry) => new(entry, new Dictionary<string, string[]>(), null, false);
    public static ToolboxEditOutcome Invalid(IDictionary<string, string[]> errors) => new(null, errors, null, false);
    public static ToolboxEditOutcome Stale(string message) => new(null, new Dictionary<string, string[]>(), message, false);
    public static ToolboxEditOutcome Missing() => new(null, new Dictionary<string, string[]>(), null, true);
}

/// <summary>Editors add and change entries. A change names the version it was made on: if someone saved the entry
/// since, nothing is written and the editor is told to start again from what is stored now.</summary>
internal sealed class ToolboxEditor(WaypointDbContext db, ToolboxVocabulary vocabulary, ToolboxCatalog catalog,
    TimeProvider clock, IStringLocalizer<Program> localizer)
{
    public async Task<ToolboxEditOutcome> CreateAsync(ToolboxDraft draft, string userId, CancellationToken cancellationToken)
    {
        var (content, errors) = ToolboxRules.Check(draft, vocabulary, localizer);
        if (content is null) return ToolboxEditOutcome.Invalid(errors);
        if (await db.ToolboxEntries.AnyAsync(e => e.Key == content.Key, cancellationToken)) return KeyTaken(content.Key);

        var entry = new ToolboxEntry { Key = content.Key, EditedAt = clock.GetUtcNow(), EditedById = userId, Version = 1 };
        ToolboxEntries.Apply(entry, content);
        db.ToolboxEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return KeyTaken(content.Key);
        }
        return ToolboxEditOutcome.Saved((await catalog.GetAsync(content.Key, ToolboxVocabulary.SourceLanguage, cancellationToken))!);
    }

    /// <summary>Replaces every field of the entry (its key stays). <paramref name="version"/> is the one the editor started from.</summary>
    public async Task<ToolboxEditOutcome> UpdateAsync(string key, ToolboxDraft draft, int? version, string userId, CancellationToken cancellationToken)
    {
        var entry = await db.ToolboxEntries.Include(e => e.Translations).SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
        if (entry is null) return ToolboxEditOutcome.Missing();

        var (content, errors) = ToolboxRules.Check(draft with { Key = key }, vocabulary, localizer);
        if (version is null)
        {
            errors["version"] = [localizer["Send the version of the entry you started from (from the entry you read)."]];
        }
        if (content is null || version is null) return ToolboxEditOutcome.Invalid(errors);
        if (version != entry.Version) return Stale();

        ToolboxEntries.Apply(entry, content);
        entry.EditedAt = clock.GetUtcNow();
        entry.EditedById = userId;
        entry.Version = version.Value + 1;
        db.Entry(entry).Property(e => e.Version).OriginalValue = version.Value;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        return ToolboxEditOutcome.Saved((await catalog.GetAsync(key, ToolboxVocabulary.SourceLanguage, cancellationToken))!);
    }

    private ToolboxEditOutcome KeyTaken(string key) =>
        ToolboxEditOutcome.Invalid(new Dictionary<string, string[]> { ["key"] = [localizer["There is already an entry with the key \"{0}\"; choose another key.", key]] });

    private ToolboxEditOutcome Stale() =>
        ToolboxEditOutcome.Stale(localizer["Someone saved this entry after you opened it. Your changes are not saved: reload the entry and make them again."]);
}
