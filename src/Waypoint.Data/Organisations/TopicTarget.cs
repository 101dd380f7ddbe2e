namespace Waypoint.Data.Organisations;

/// <summary>The score (0–100) an organisation aims for in one topic. Its dashboard shows the gap to close and its
/// roadmap plans the actions that close it.</summary>
public sealed class TopicTarget
{
    public Guid OrganisationId { get; set; }
    public required string TopicKey { get; set; }
    public int TargetScore { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedById { get; set; }
}
