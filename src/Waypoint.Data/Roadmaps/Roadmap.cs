using Waypoint.Data.Assessments;
using Waypoint.Data.Organisations;
using Waypoint.Data.Recommendations;

namespace Waypoint.Data.Roadmaps;

/// <summary>
/// An organisation's digitalisation roadmap, generated from one submitted assessment and its topic targets, then
/// edited by the organisation: actions reordered, removed, added, given an owner, a due date and a status.
/// </summary>
public sealed class Roadmap
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    /// <summary>The submitted assessment it was generated from; one roadmap per assessment.</summary>
    public Guid AssessmentId { get; set; }
    public Assessment Assessment { get; set; } = null!;

    public int Round { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedById { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped by every change, so that two colleagues editing at once do not silently overwrite each other.</summary>
    public int Version { get; set; }

    public List<RoadmapAction> Actions { get; set; } = [];
}

/// <summary>One action of a roadmap: from a recommendation (its key) or the organisation's own (its title).</summary>
public sealed class RoadmapAction
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int OwnerMaxLength = 120;
    public const int LinkMaxLength = 500;

    public Guid Id { get; set; }

    public Guid RoadmapId { get; set; }
    public Roadmap Roadmap { get; set; } = null!;

    /// <summary>Its place within its horizon, from 0.</summary>
    public int Position { get; set; }

    public RecommendationHorizon Horizon { get; set; }

    /// <summary>The recommendation it follows; null for the organisation's own actions.</summary>
    public string? RecommendationKey { get; set; }

    public string? TopicKey { get; set; }

    /// <summary>The title of an own action; actions from recommendations show the recommendation's title.</summary>
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Link { get; set; }

    public bool InvolvesProcurement { get; set; }

    /// <summary>Who carries it out: a name or a team, as plain text.</summary>
    public string? Owner { get; set; }

    public DateOnly? DueDate { get; set; }

    public RoadmapActionStatus Status { get; set; }
}

public enum RoadmapActionStatus
{
    Planned,
    InProgress,
    Done,
}
