namespace Waypoint.Data.Toolbox;

/// <summary>
/// One instrument of the toolbox catalogue: a standard, toolbox, procurement instrument, training, funding programme
/// or network. Loaded from the shipped catalogue at start and edited by editors in the application; once an editor
/// has saved an entry (<see cref="EditedAt"/> set), the shipped catalogue no longer overwrites it.
/// </summary>
public sealed class ToolboxEntry
{
    public const int KeyMaxLength = 80;
    public const int NameMaxLength = 200;
    public const int SummaryMaxLength = 1200;
    public const int UrlMaxLength = 500;
    public const int PublisherMaxLength = 300;
    public const int SourceMaxLength = 500;

    public int Id { get; set; }

    /// <summary>Stable slug ("mims-plus"): other features link entries by it.</summary>
    public string Key { get; set; } = "";

    public ToolboxEntryType Type { get; set; }

    /// <summary>English name (the source language); other languages are in <see cref="Translations"/>.</summary>
    public string Name { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Url { get; set; } = "";

    public string Publisher { get; set; } = "";

    /// <summary>Where the facts come from (attribution), when worth saying.</summary>
    public string? Source { get; set; }

    /// <summary>Topic keys of the questionnaire, written "|governance|data_management|" so that one topic is found
    /// with a plain substring test on every database.</summary>
    public string Topics { get; set; } = "";

    /// <summary>The maturity levels (1–5) the entry suits, as bits: level n is bit n.</summary>
    public int Levels { get; set; }

    /// <summary>ISO 639-1 codes the instrument is available in, written "|en|fr|" like <see cref="Topics"/>.</summary>
    public string Languages { get; set; } = "";

    public ToolboxCost Cost { get; set; }

    /// <summary>Name, summary and publisher in every language, folded for accent- and case-insensitive search.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>The English name folded, to rank entries whose name matches first.</summary>
    public string SearchName { get; set; } = "";

    /// <summary>A hash of the shipped catalogue's content for this entry when it was last loaded; null for entries
    /// editors created. Lets the start-up load skip unchanged entries.</summary>
    public string? CatalogueHash { get; set; }

    /// <summary>When an editor last saved the entry; null while it is exactly as the shipped catalogue has it.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    public string? EditedById { get; set; }

    /// <summary>Optimistic concurrency: two editors saving the same entry must not overwrite each other.</summary>
    public int Version { get; set; }

    public List<ToolboxEntryTranslation> Translations { get; set; } = [];
}

/// <summary>The name and summary of an entry in one language other than English; a missing field shows the English one.</summary>
public sealed class ToolboxEntryTranslation
{
    public int EntryId { get; set; }

    /// <summary>ISO 639-1 code.</summary>
    public string Language { get; set; } = "";

    public string? Name { get; set; }

    public string? Summary { get; set; }
}

public enum ToolboxEntryType
{
    Standard,
    Toolbox,
    Procurement,
    Training,
    Funding,
    Network,
}

public enum ToolboxCost
{
    Free,
    Paid,
    Mixed,
    Funding,
}
