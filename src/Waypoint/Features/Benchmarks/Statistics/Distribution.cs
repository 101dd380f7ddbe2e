namespace Waypoint.Features.Benchmarks.Statistics;

/// <summary>How one measure (the overall score or a topic's) is spread over a peer group: the box of a box plot
/// (quartiles), its whiskers (10th and 90th percentiles: never one organisation's own minimum or maximum) and the mean.</summary>
internal sealed record Distribution(int Count, double P10, double Q1, double Median, double Q3, double P90, double Mean)
{
    /// <summary>The distribution of ascending <paramref name="sorted"/> values (at least one).</summary>
    public static Distribution Of(ReadOnlySpan<float> sorted)
    {
        var sum = 0.0;
        foreach (var value in sorted) sum += value;
        return new Distribution(sorted.Length,
            Quantiles.Of(sorted, 0.10), Quantiles.Of(sorted, 0.25), Quantiles.Of(sorted, 0.50),
            Quantiles.Of(sorted, 0.75), Quantiles.Of(sorted, 0.90), sum / sorted.Length);
    }
}
