namespace Waypoint.Data.Proofreading;

public enum SuggestionStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>A member's proposal of better wording for one interface string in one language. An editor accepts it
/// (it becomes the language's wording for that string) or rejects it, with an optional reason.</summary>
public sealed class WordingSuggestion
{
    public Guid Id { get; set; }

    /// <summary>ISO 639-1 code of the language the wording is for (never English, the source).</summary>
    public required string Language { get; set; }

    /// <summary>The English source text (the PO msgid), which is the key of the string.</summary>
    public required string Key { get; set; }

    public required string Text { get; set; }

    /// <summary>The wording readers saw when the suggestion was made; empty when the string was not translated.</summary>
    public required string PreviousText { get; set; }

    /// <summary>The path of the page where the member met the string (its context), such as <c>/authorities</c>.</summary>
    public string? Page { get; set; }

    public required string AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public SuggestionStatus Status { get; set; }
    public string? DecidedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectionReason { get; set; }
}
