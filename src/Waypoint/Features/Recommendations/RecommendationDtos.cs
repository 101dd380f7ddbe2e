using Waypoint.Features.Assessments.Scoring;

namespace Waypoint.Features.Recommendations;

/// <summary>An answer that made a recommendation apply, as people read it.</summary>
/// <param name="LevelText">The anchored description of the level the question was answered with.</param>
internal sealed record RecommendationReasonDto(string QuestionKey, string QuestionTitle, int Level, string LevelText);

/// <summary>A toolbox catalogue entry: its key, its name in the reader's language, and where the toolbox shows it.</summary>
internal sealed record CatalogueLinkDto(string Key, string Name, string Url);

/// <param name="Horizon"><c>quick_win</c> (three months or less), <c>one_year</c> or <c>three_years</c>.</param>
/// <param name="ByBand">True when the topic's maturity band made it apply (besides any answers).</param>
internal sealed record AppliedRecommendationDto(
    string Key,
    string Level,
    string TopicKey,
    string Title,
    string Text,
    string Horizon,
    bool InvolvesProcurement,
    bool ByBand,
    IReadOnlyList<RecommendationReasonDto> Because,
    IReadOnlyList<CatalogueLinkDto> Catalogue);

internal sealed record RecommendationTopicDto(
    string TopicKey,
    string TopicTitle,
    decimal? Score,
    MaturityLevel? Band,
    IReadOnlyList<AppliedRecommendationDto> Recommendations);

/// <summary>The recommendations that apply to one submitted assessment, grouped by topic in questionnaire order.</summary>
/// <param name="Level">The level the organisation's authority acts at: local, regional or national.</param>
internal sealed record AssessmentRecommendationsDto(Guid AssessmentId, int Round, string Level, int Count, IReadOnlyList<RecommendationTopicDto> Topics);

/// <summary>A recommendation as editors see it.</summary>
internal sealed record RecommendationDto(
    string Key,
    string Level,
    string TopicKey,
    IReadOnlyList<string> Bands,
    IReadOnlyList<string> AnswerRules,
    IReadOnlyList<string> CatalogueKeys,
    string Horizon,
    bool InvolvesProcurement,
    string Title,
    string Text,
    bool Retired,
    bool EditedByEditor,
    int Version);

/// <summary>How often one recommendation applies in a group of authorities.</summary>
/// <param name="Count">Null when fewer organisations than the minimum group size: the count is not shown.</param>
/// <param name="Share">Count ÷ organisations in the group, 0 to 1; null with <paramref name="Count"/>.</param>
internal sealed record PolicyRowDto(string Key, string Level, string TopicKey, string TopicTitle, string Title, int? Count, double? Share);

/// <summary>The policy view of one group: null rows when the group is smaller than the minimum group size.</summary>
/// <param name="CountedAt">When the figures were counted: a view is kept for a few minutes (<see cref="PolicyViewCache"/>).</param>
internal sealed record PolicyViewDto(int Round, string? Country, string? Nuts2, int Organisations, int MinimumGroupSize, IReadOnlyList<PolicyRowDto>? Rows,
    DateTimeOffset CountedAt);
