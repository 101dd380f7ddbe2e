using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Benchmarks;

/// <summary>The measures benchmarks describe: the overall score (index 0), then each topic in questionnaire order.</summary>
internal static class BenchmarkMeasures
{
    public const string Overall = "overall";
    public const int OverallIndex = 0;

    public static readonly IReadOnlyList<string> Keys = [Overall, .. Questionnaire.TopicKeys];

    public static int Count => Keys.Count;

    /// <summary>The index of a measure key, or −1 when there is no such measure.</summary>
    public static int IndexOf(string key)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            if (string.Equals(Keys[i], key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
