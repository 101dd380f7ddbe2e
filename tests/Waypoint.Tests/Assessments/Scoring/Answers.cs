using Waypoint.Features.Assessments.Scoring;

namespace Waypoint.Tests.Assessments.Scoring;

/// <summary>Builds answer sets in the notation of exported answer files: 1–5, "dk" or "na".</summary>
internal static class Answers
{
    public static Dictionary<string, ScaleAnswer> Of(params (string Key, object Answer)[] answers) =>
        answers.ToDictionary(a => a.Key, a => Parse(a.Answer));

    public static ScaleAnswer Parse(object answer) => answer switch
    {
        int level => ScaleAnswer.OfLevel(level),
        "dk" => ScaleAnswer.DontKnow,
        "na" => ScaleAnswer.NotApplicable,
        _ => throw new ArgumentException($"Unknown answer '{answer}'.", nameof(answer)),
    };
}
