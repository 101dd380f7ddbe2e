using Waypoint.Data.Accounts;
using Waypoint.Data.Organisations;

namespace Waypoint.Data.PeerQuestions;

/// <summary>A question a member asks their peers about one topic of the questionnaire; members of other organisations answer it.</summary>
public sealed class PeerQuestion
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 4000;

    public Guid Id { get; set; }

    public required string TopicKey { get; set; }

    public required string Title { get; set; }
    public required string Body { get; set; }

    public required string AskedById { get; set; }
    public WaypointUser AskedBy { get; set; } = null!;

    /// <summary>The organisation the person asks for: its members cannot answer, and its name is shown with the question.</summary>
    public Guid OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    public DateTimeOffset AskedAt { get; set; }

    public List<PeerAnswer> Answers { get; set; } = [];
}

/// <summary>An answer by a member of another organisation than the asker's.</summary>
public sealed class PeerAnswer
{
    public const int BodyMaxLength = 4000;

    public Guid Id { get; set; }

    public Guid QuestionId { get; set; }
    public PeerQuestion Question { get; set; } = null!;

    public required string Body { get; set; }

    public required string AnsweredById { get; set; }
    public WaypointUser AnsweredBy { get; set; } = null!;

    public Guid OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    public DateTimeOffset AnsweredAt { get; set; }
}
