using System.Text.Json;
using Waypoint.Data.Assessments;
using Waypoint.Data.Organisations;
using Waypoint.Features.Assessments.Scoring;

namespace Waypoint.Features.Assessments;

// What the API returns and the pages show. Entities never leave the service.

internal sealed record PersonDto(string Id, string DisplayName);

/// <param name="Choice"><c>level</c>, <c>dont_know</c>, <c>not_applicable</c> (scale questions) or <c>value</c> (profile questions).</param>
/// <param name="Level">1 to 5 when the choice is <c>level</c>.</param>
/// <param name="Value">The answer to a profile question: a number, an option key, <c>yes</c>/<c>no</c> or a short text.</param>
/// <param name="Version">Send it back with the next change of this answer; a change based on an older version is refused.</param>
internal sealed record AnswerDto(
    string QuestionKey,
    string Choice,
    int? Level,
    string? Value,
    string? Note,
    string? EvidenceUrl,
    int Version,
    DateTimeOffset UpdatedAt,
    PersonDto UpdatedBy);

internal sealed record GoodPracticeDto(
    string TopicKey,
    string? SolutionName,
    string? Url,
    string? Achievement,
    int Version,
    DateTimeOffset UpdatedAt,
    PersonDto UpdatedBy);

/// <param name="Kind"><c>profile</c> (general information) or <c>topic</c>.</param>
/// <param name="Answered">Questions of the section with an answer of any kind.</param>
/// <param name="Total">Questions of the section.</param>
/// <param name="RequiredUnanswered">Required questions still without an answer; submitting needs none.</param>
internal sealed record SectionProgressDto(string Key, string Kind, string Title, int Answered, int Total, int RequiredUnanswered);

internal sealed record AssessmentDto(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    int Round,
    string QuestionnaireVersion,
    AssessmentStatus Status,
    int Version,
    DateTimeOffset CreatedAt,
    PersonDto CreatedBy,
    Guid? CopiedFromId,
    DateTimeOffset? SubmittedAt,
    PersonDto? SubmittedBy,
    OrganisationRole? YourRole,
    bool CanAnswer,
    bool CanSubmit,
    IReadOnlyList<SectionProgressDto> Progress,
    IReadOnlyList<AnswerDto> Answers,
    IReadOnlyList<GoodPracticeDto> GoodPractices)
{
    public int RequiredUnanswered => Progress.Sum(p => p.RequiredUnanswered);

    /// <summary>Whether the organisation belongs to Synthetic Europe: generated data, no real authority.</summary>
    public bool IsSynthetic { get; init; }

    public AnswerDto? FindAnswer(string questionKey) => Answers.FirstOrDefault(a => a.QuestionKey == questionKey);

    public GoodPracticeDto? FindGoodPractice(string topicKey) => GoodPractices.FirstOrDefault(g => g.TopicKey == topicKey);
}

internal sealed record AssessmentSummaryDto(
    Guid Id,
    int Round,
    string QuestionnaireVersion,
    AssessmentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    int Answered,
    int Questions);

/// <summary>The assessments of one organisation, newest round first, and what the reader may do.</summary>
internal sealed record OrganisationAssessmentsDto(
    Guid OrganisationId,
    string OrganisationName,
    OrganisationRole? YourRole,
    bool CanStart,
    int CurrentRound,
    IReadOnlyList<AssessmentSummaryDto> Assessments);

internal sealed record MissingAnswerDto(string QuestionKey, string SectionKey, string SectionTitle, string Title);

internal sealed record ResultsDto(
    Guid AssessmentId,
    int Round,
    AssessmentStatus Status,
    string QuestionnaireVersion,
    OverallResultDto Overall,
    IReadOnlyList<TopicResultDto> Topics);

/// <param name="Score">Rounded to one decimal, a half away from zero; null when no topic has enough answers.</param>
/// <param name="ScoreValue">The unrounded score, for charts and statistics.</param>
/// <param name="TopicsCovered">Topics with a score; the overall score is their mean.</param>
internal sealed record OverallResultDto(decimal? Score, double? ScoreValue, MaturityLevel? Level, int TopicsCovered, int TopicCount);

/// <param name="Answered">Questions answered with a level: the denominator of the topic's mean.</param>
/// <param name="ScoredQuestions">All scored questions of the topic; at least half must be answered with a level for a score.</param>
internal sealed record TopicResultDto(
    string Key,
    string Title,
    decimal? Score,
    double? ScoreValue,
    MaturityLevel? Level,
    int Answered,
    int ScoredQuestions,
    int DontKnow,
    int NotApplicable,
    int Unanswered,
    int PointsSum);

// Requests. Values arrive loosely typed so that a wrong one gets a message saying what to send.

/// <param name="Round">The calendar year; this year when left out. This year or the year before.</param>
/// <param name="CopyPrevious">Start from the answers of the organisation's latest earlier round.</param>
internal sealed record StartAssessmentRequest(Guid? OrganisationId, int? Round, bool? CopyPrevious);

/// <param name="Level">1 (lowest) to 5 (highest), for a scale question; or send <paramref name="Choice"/>.</param>
/// <param name="Choice"><c>dont_know</c> or <c>not_applicable</c>, for a scale question.</param>
/// <param name="Value">For a profile question: a number (at least its minimum), an option key, yes/no (true/false) or a text of at most 500 characters.</param>
/// <param name="Note">At most 2,000 characters; kept as plain text.</param>
/// <param name="EvidenceUrl">An absolute http or https link, at most 500 characters.</param>
/// <param name="Version">The version of the answer you read; 0 when there was none.</param>
internal sealed record SaveAnswerRequest(int? Level, string? Choice, JsonElement? Value, string? Note, string? EvidenceUrl, int? Version);

/// <param name="Version">The version of the good practice you read; 0 when there was none.</param>
internal sealed record SaveGoodPracticeRequest(string? SolutionName, string? Url, string? Achievement, int? Version);
