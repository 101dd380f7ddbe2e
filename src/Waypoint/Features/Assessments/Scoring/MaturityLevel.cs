namespace Waypoint.Features.Assessments.Scoring;

/// <summary>Five named bands of 20 points each; docs/scoring.md describes what each means.</summary>
internal enum MaturityLevel
{
    /// <summary>0 to under 20.</summary>
    Starting = 1,

    /// <summary>20 to under 40.</summary>
    Developing = 2,

    /// <summary>40 to under 60.</summary>
    Established = 3,

    /// <summary>60 to under 80.</summary>
    Advanced = 4,

    /// <summary>80 to 100.</summary>
    Leading = 5,
}

internal static class MaturityBands
{
    public const int Width = 20;

    /// <summary>The band of an exact score: the lower bound belongs to the band (20 is Developing, 19.99 Starting).</summary>
    public static MaturityLevel For(Score score) =>
        score.IsAtLeast(80) ? MaturityLevel.Leading
        : score.IsAtLeast(60) ? MaturityLevel.Advanced
        : score.IsAtLeast(40) ? MaturityLevel.Established
        : score.IsAtLeast(20) ? MaturityLevel.Developing
        : MaturityLevel.Starting;

    /// <summary>The lowest score in the band: 0, 20, 40, 60 or 80.</summary>
    public static int LowerBound(MaturityLevel level) => ((int)level - 1) * Width;
}
