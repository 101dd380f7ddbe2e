using System.Globalization;

namespace Waypoint.Features.Assessments.Scoring;

internal enum ScaleAnswerKind : byte
{
    Level = 1,
    DontKnow = 2,
    NotApplicable = 3,
}

/// <summary>
/// The answer to one scale question: a level from 1 (lowest) to 5 (highest), "don't know" or "not applicable".
/// A question without an answer has no <see cref="ScaleAnswer"/> at all.
/// </summary>
internal readonly record struct ScaleAnswer
{
    public const int LowestLevel = 1;
    public const int HighestLevel = 5;

    private ScaleAnswer(ScaleAnswerKind kind, int level)
    {
        Kind = kind;
        Level = level;
    }

    public ScaleAnswerKind Kind { get; }

    /// <summary>1 to 5 for a level; 0 for "don't know" and "not applicable".</summary>
    public int Level { get; }

    public bool IsLevel => Kind == ScaleAnswerKind.Level;

    public static ScaleAnswer DontKnow { get; } = new(ScaleAnswerKind.DontKnow, 0);

    public static ScaleAnswer NotApplicable { get; } = new(ScaleAnswerKind.NotApplicable, 0);

    public static ScaleAnswer OfLevel(int level) =>
        level is >= LowestLevel and <= HighestLevel
            ? new ScaleAnswer(ScaleAnswerKind.Level, level)
            : throw new ArgumentOutOfRangeException(nameof(level), level, $"A level is from {LowestLevel} to {HighestLevel}.");

    /// <summary>As in exported answer files: <c>1</c> to <c>5</c>, <c>dont_know</c> or <c>not_applicable</c>.</summary>
    public override string ToString() => Kind switch
    {
        ScaleAnswerKind.Level => Level.ToString(CultureInfo.InvariantCulture),
        ScaleAnswerKind.DontKnow => "dont_know",
        ScaleAnswerKind.NotApplicable => "not_applicable",
        _ => "",
    };
}
