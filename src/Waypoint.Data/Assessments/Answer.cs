namespace Waypoint.Data.Assessments;

/// <summary>The answer to one question of one assessment. Scored questions have a <see cref="Level"/> or a
/// <see cref="Choice"/> of don't know / not applicable; profile questions keep their value in <see cref="Value"/>.</summary>
public sealed class Answer
{
    public Guid AssessmentId { get; set; }
    public Assessment Assessment { get; set; } = null!;

    public required string QuestionKey { get; set; }

    public AnswerChoice Choice { get; set; }

    /// <summary>1 to 5 when <see cref="Choice"/> is <see cref="AnswerChoice.Level"/>.</summary>
    public int? Level { get; set; }

    /// <summary>The value of a profile question (a number, an option key, yes/no, a short text).</summary>
    public string? Value { get; set; }

    public string? Note { get; set; }

    public string? EvidenceUrl { get; set; }

    /// <summary>Optimistic concurrency: a write must name the version it read; a stale one is refused.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedById { get; set; }
}

public enum AnswerChoice
{
    Level,
    DontKnow,
    NotApplicable,
    /// <summary>A profile question's value.</summary>
    Value,
}
