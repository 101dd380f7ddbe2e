using Waypoint.Data.Proofreading;

namespace Waypoint.Features.Proofreading;

/// <summary>A proposal of wording for one text: <paramref name="Key"/> is the English text of an interface string, or
/// the key of a questionnaire text such as <c>questionnaire:1.0:question:governance.strategy:level:3</c>.</summary>
internal sealed record SuggestRequest(string? Language, string? Key, string? Text, string? Page);

internal sealed record RejectRequest(string? Reason);

internal sealed record MarkProofreadRequest(string? Language, string? Key);

internal sealed record SuggestionDto(
    Guid Id,
    string Language,
    string Key,
    string Source,
    string Text,
    string PreviousText,
    string CurrentText,
    string? Page,
    string AuthorName,
    DateTimeOffset CreatedAt,
    SuggestionStatus Status,
    string? DecidedByName,
    DateTimeOffset? DecidedAt,
    string? RejectionReason);

internal sealed record TranslationChangeDto(
    TranslationChangeKind Kind,
    string PreviousText,
    string Text,
    string ChangedByName,
    DateTimeOffset ChangedAt,
    Guid? SuggestionId);

/// <summary>A text in one language as an editor sees it: its English source, its wording from the PO file, the wording readers see now,
/// whether that wording is confirmed, and its history (newest first).</summary>
internal sealed record StringHistoryDto(
    string Language,
    string Key,
    string Source,
    string? FileText,
    string? CurrentText,
    bool Proofread,
    IReadOnlyList<TranslationChangeDto> Changes,
    IReadOnlyList<SuggestionDto> Suggestions);

/// <summary>How far one language is: of <paramref name="Total"/> texts, how many have a translation, how many of those
/// are flagged as rightly the same as English, how many an editor confirmed, and how many suggestions wait.</summary>
internal sealed record CoverageCounts(int Total, int Translated, int SameAsEnglish, int? Proofread, int? Pending)
{
    public int TranslatedPercent => Percent(Translated);

    public int? ProofreadPercent => Proofread is { } proofread ? Percent(proofread) : null;

    private int Percent(int count) => Total == 0 ? 0 : (int)Math.Floor(100.0 * count / Total);
}

internal sealed record LanguageCoverage(string Code, string EnglishName, string NativeName, bool IsSource, CoverageCounts Interface, CoverageCounts Questionnaire);
