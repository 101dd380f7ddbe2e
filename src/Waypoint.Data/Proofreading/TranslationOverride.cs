namespace Waypoint.Data.Proofreading;

/// <summary>The wording an editor accepted for one interface string in one language. It is layered over the PO
/// catalogue: where an override exists, readers see it instead of the PO file's text.</summary>
public sealed class TranslationOverride
{
    public required string Language { get; set; }
    public required string Key { get; set; }
    public required string Text { get; set; }
    public required string AcceptedById { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }
}

public enum TranslationChangeKind
{
    /// <summary>An editor accepted a suggestion: the wording changed.</summary>
    Accepted,

    /// <summary>An editor confirmed the current wording without changing it.</summary>
    Proofread,
}

/// <summary>One entry of a string's history in a language: who changed or confirmed its wording, and when.</summary>
public sealed class TranslationChange
{
    public long Id { get; set; }
    public required string Language { get; set; }
    public required string Key { get; set; }
    public TranslationChangeKind Kind { get; set; }
    public required string PreviousText { get; set; }
    public required string Text { get; set; }
    public Guid? SuggestionId { get; set; }
    public required string ChangedById { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>The last time an editor confirmed a string's wording in a language, and the wording confirmed. The string
/// counts as proofread while readers still see that wording (a later PO update makes it unconfirmed again).</summary>
public sealed class TranslationReview
{
    public required string Language { get; set; }
    public required string Key { get; set; }
    public required string ReviewedText { get; set; }
    public required string ReviewedById { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
}

/// <summary>The one-row counter every web node polls: it goes up each time an override changes, and a node that sees a
/// new value reloads the overrides.</summary>
public sealed class TranslationOverridesVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Version { get; set; }
}

/// <summary>An interface string seen on a page by a member in "suggest wording" mode: the context the suggestion page
/// lists for that page.</summary>
public sealed class PageString
{
    public required string Page { get; set; }
    public required string Key { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
