using Waypoint.Features.Recommendations;

namespace Waypoint.Features.Roadmaps;

/// <param name="Gap">Target minus score in points; null without a target or a score.</param>
internal sealed record ActionReasonDto(string TopicKey, string TopicTitle, decimal? Score, int? Target, decimal? Gap, IReadOnlyList<RecommendationReasonDto> Because);

/// <summary>A good practice another organisation published for the same topic.</summary>
internal sealed record GoodPracticeLinkDto(string OrganisationName, string SolutionName, string? Url);

/// <param name="Status"><c>planned</c>, <c>in_progress</c> or <c>done</c>.</param>
/// <param name="Own">True for an action the organisation added itself; false for one from a recommendation.</param>
/// <param name="Checklist">For an action that involves buying something: what to put in the tender.</param>
internal sealed record RoadmapActionDto(
    Guid Id,
    string Horizon,
    int Position,
    bool Own,
    string? RecommendationKey,
    string? TopicKey,
    string Title,
    string? Description,
    string? Link,
    string? Owner,
    DateOnly? DueDate,
    string Status,
    bool InvolvesProcurement,
    ActionReasonDto? Reason,
    IReadOnlyList<CatalogueLinkDto> Catalogue,
    IReadOnlyList<GoodPracticeLinkDto> GoodPractices,
    IReadOnlyList<ChecklistSectionDto> Checklist);

internal sealed record ChecklistSectionDto(string Title, string CatalogueKey, IReadOnlyList<string> Items);

internal sealed record RoadmapHorizonDto(string Horizon, IReadOnlyList<RoadmapActionDto> Actions);

internal sealed record RoadmapDto(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    Guid AssessmentId,
    int Round,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    bool CanEdit,
    IReadOnlyList<RoadmapHorizonDto> Horizons)
{
    public IEnumerable<RoadmapActionDto> Actions => Horizons.SelectMany(h => h.Actions);
}

/// <summary>How a topic's score moved between the round a roadmap was made for and a later round, with the roadmap's actions in that topic.</summary>
internal sealed record RoadmapProgressDto(Guid RoadmapId, int FromRound, int ToRound, IReadOnlyList<TopicProgressDto> Topics);

internal sealed record TopicProgressDto(string TopicKey, string TopicTitle, decimal? Before, decimal? After, decimal? Change, IReadOnlyList<ProgressActionDto> Actions);

internal sealed record ProgressActionDto(string Title, string Status);

// Requests: loosely typed so that a wrong value gets a message saying what to send. Every change names the version of
// the roadmap it was made on (RoadmapDto.Version); when someone changed the roadmap since, it is refused with 409.

/// <param name="Horizon"><c>quick_win</c>, <c>one_year</c> or <c>three_years</c>.</param>
/// <param name="DueDate">A date as yyyy-mm-dd, or empty.</param>
/// <param name="Status"><c>planned</c>, <c>in_progress</c> or <c>done</c>.</param>
/// <param name="Version">The version of the roadmap the action was written on.</param>
internal sealed record AddActionRequest(string? Title, string? Description, string? Link, string? Horizon, string? Owner, string? DueDate,
    string? Status, bool? InvolvesProcurement, int? Version);

/// <summary>Every field is optional: what is sent replaces what is stored. Title, description and link can change only on
/// the organisation's own actions.</summary>
/// <param name="Version">The version of the roadmap the change was made on.</param>
internal sealed record UpdateActionRequest(string? Title, string? Description, string? Link, string? Horizon, string? Owner, string? DueDate, string? Status,
    int? Version);

/// <param name="Direction"><c>up</c> or <c>down</c>, within the action's horizon.</param>
/// <param name="Version">The version of the roadmap the move was made on.</param>
internal sealed record MoveActionRequest(string? Direction, int? Version);
