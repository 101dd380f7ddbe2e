using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Toolbox;
using Waypoint.Features.Authorities;

namespace Waypoint.Features.Toolbox;

/// <summary>A search of the catalogue: folded words (each must match), optional filters, 1-based page.</summary>
internal sealed record ToolboxSearch(
    string Text,
    ToolboxEntryType? Type = null,
    string? Topic = null,
    int? Level = null,
    string? Language = null,
    ToolboxCost? Cost = null,
    int Page = 1)
{
    public bool IsEmpty => Text.Length == 0 && Type is null && Topic is null && Level is null && Language is null && Cost is null;
}

/// <summary>An entry as a reader sees it, in one language (English wherever it is not translated).</summary>
internal sealed record ToolboxItemView(
    string Key,
    ToolboxEntryType Type,
    string Name,
    string Summary,
    string Url,
    string Publisher,
    IReadOnlyList<string> Topics,
    IReadOnlyList<int> Levels,
    IReadOnlyList<string> Languages,
    ToolboxCost Cost);

internal sealed record ToolboxResults(IReadOnlyList<ToolboxItemView> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An entry with everything editors see: the English source, every translation, and its version.</summary>
internal sealed record ToolboxEntryView(
    ToolboxItemView Localized,
    string Name,
    string Summary,
    string? Source,
    IReadOnlyDictionary<string, ToolboxText> Translations,
    bool EditedInApp,
    DateTimeOffset? EditedAt,
    int Version);

/// <summary>What another feature needs to link an entry: its name, summary and address in the reader's language.</summary>
internal sealed record ToolboxLink(string Key, string Name, string Summary, string Url);

/// <summary>
/// Reads the toolbox catalogue: the search behind the page and the API, one entry, and <see cref="FindAsync"/> for
/// the features that link entries (recommendations, roadmaps).
/// </summary>
internal sealed class ToolboxCatalog(WaypointDbContext db)
{
    public const int PageSize = 20;

    /// <summary>Every folded word must appear in the entry's name, summary or publisher, in any language; entries whose
    /// English name holds the first word come first, then by name.</summary>
    public async Task<ToolboxResults> SearchAsync(ToolboxSearch search, string language, CancellationToken cancellationToken)
    {
        var matches = db.ToolboxEntries.AsNoTracking();
        // Folded text holds only lower-case letters, digits and single spaces: safe in the LIKE or instr() that Contains becomes.
        var words = SearchText.Fold(search.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words) matches = matches.Where(e => e.SearchText.Contains(word));
        if (search.Type is { } type) matches = matches.Where(e => e.Type == type);
        if (search.Topic is { } topic)
        {
            var marked = ToolboxEntries.Mark(topic);
            matches = matches.Where(e => e.Topics.Contains(marked));
        }
        if (search.Level is { } level)
        {
            var bit = 1 << level;
            matches = matches.Where(e => (e.Levels & bit) != 0);
        }
        if (search.Language is { } availableIn)
        {
            var marked = ToolboxEntries.Mark(availableIn);
            matches = matches.Where(e => e.Languages.Contains(marked));
        }
        if (search.Cost is { } cost) matches = matches.Where(e => e.Cost == cost);

        var ordered = words.Length > 0
            ? matches.OrderByDescending(e => e.SearchName.Contains(words[0])).ThenBy(e => e.SearchName)
            : matches.OrderBy(e => e.SearchName);
        var page = Math.Max(1, search.Page);
        var rows = await Project(ordered.ThenBy(e => e.Key).Skip((page - 1) * PageSize).Take(PageSize), language).ToListAsync(cancellationToken);
        // A first page that is not full holds every match: most searches with words or filters need no count.
        var total = page == 1 && rows.Count < PageSize ? rows.Count : await matches.CountAsync(cancellationToken);
        return new ToolboxResults(rows.Select(r => r.ToView()).ToList(), page, PageSize, total);
    }

    /// <summary>The entry of that key with its translations; null when there is none.</summary>
    public async Task<ToolboxEntryView?> GetAsync(string key, string language, CancellationToken cancellationToken)
    {
        var entry = await db.ToolboxEntries.AsNoTracking().Include(e => e.Translations)
            .SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
        if (entry is null) return null;
        var translation = entry.Translations.FirstOrDefault(t => t.Language == language);
        var row = new Row(entry.Key, entry.Type, entry.Name, entry.Summary, entry.Url, entry.Publisher, entry.Topics, entry.Levels,
            entry.Languages, entry.Cost, translation?.Name, translation?.Summary);
        return new ToolboxEntryView(row.ToView(), entry.Name, entry.Summary, entry.Source,
            entry.Translations.OrderBy(t => t.Language, StringComparer.Ordinal)
                .ToDictionary(t => t.Language, t => new ToolboxText(t.Name, t.Summary), StringComparer.Ordinal),
            entry.EditedAt is not null, entry.EditedAt, entry.Version);
    }

    /// <summary>
    /// Name, summary and address of the entries with these keys, in <paramref name="language"/> (English where not
    /// translated), in the order the keys were given; keys that match no entry are left out. For features that link
    /// entries, such as recommendations and roadmaps.
    /// </summary>
    public async Task<IReadOnlyList<ToolboxLink>> FindAsync(IEnumerable<string> keys, string language, CancellationToken cancellationToken = default)
    {
        var wanted = keys.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return [];
        var rows = await Project(db.ToolboxEntries.AsNoTracking().Where(e => wanted.Contains(e.Key)), language).ToListAsync(cancellationToken);
        var byKey = rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        return wanted.Where(byKey.ContainsKey).Select(k => byKey[k].ToView()).Select(v => new ToolboxLink(v.Key, v.Name, v.Summary, v.Url)).ToList();
    }

    private static IQueryable<Row> Project(IQueryable<ToolboxEntry> entries, string language) =>
        entries.Select(e => new Row(e.Key, e.Type, e.Name, e.Summary, e.Url, e.Publisher, e.Topics, e.Levels, e.Languages, e.Cost,
            e.Translations.Where(t => t.Language == language).Select(t => t.Name).FirstOrDefault(),
            e.Translations.Where(t => t.Language == language).Select(t => t.Summary).FirstOrDefault()));

    private sealed record Row(string Key, ToolboxEntryType Type, string Name, string Summary, string Url, string Publisher,
        string Topics, int Levels, string Languages, ToolboxCost Cost, string? TranslatedName, string? TranslatedSummary)
    {
        public ToolboxItemView ToView() => new(Key, Type,
            string.IsNullOrWhiteSpace(TranslatedName) ? Name : TranslatedName,
            string.IsNullOrWhiteSpace(TranslatedSummary) ? Summary : TranslatedSummary,
            Url, Publisher, ToolboxEntries.Unmark(Topics), ToolboxEntries.LevelsOf(Levels), ToolboxEntries.Unmark(Languages), Cost);
    }
}
