using Waypoint.Data.Organisations;

namespace Waypoint.Data.Assessments;

/// <summary>
/// One organisation's self-assessment for one round (a calendar year), answered on one questionnaire version.
/// A draft is answered by any contributor, in any order, over days; once submitted it never changes.
/// </summary>
public sealed class Assessment
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    /// <summary>The calendar year the assessment describes. One assessment per organisation and round.</summary>
    public int Round { get; set; }

    /// <summary>The questionnaire version it was started on; it is scored on that version for ever.</summary>
    public required string QuestionnaireVersion { get; set; }

    public AssessmentStatus Status { get; set; } = AssessmentStatus.Draft;

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedById { get; set; }

    /// <summary>Set when the draft was started from the previous round's answers.</summary>
    public Guid? CopiedFromId { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }

    /// <summary>Bumped by every answer and by the submission, so that a submission and a late answer can never both win.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<Answer> Answers { get; set; } = [];
    public List<TopicGoodPractice> GoodPractices { get; set; } = [];
}

public enum AssessmentStatus
{
    Draft,
    Submitted,
}
