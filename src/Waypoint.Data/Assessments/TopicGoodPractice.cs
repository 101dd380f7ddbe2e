namespace Waypoint.Data.Assessments;

/// <summary>The optional good practice a respondent describes at the end of a topic: a solution, its link and
/// what it achieved. It is private until the organisation chooses to publish it.</summary>
public sealed class TopicGoodPractice
{
    public Guid AssessmentId { get; set; }
    public Assessment Assessment { get; set; } = null!;

    public required string TopicKey { get; set; }

    public string? SolutionName { get; set; }
    public string? Url { get; set; }
    public string? Achievement { get; set; }

    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedById { get; set; }
}
