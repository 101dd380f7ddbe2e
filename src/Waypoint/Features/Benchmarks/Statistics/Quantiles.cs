namespace Waypoint.Features.Benchmarks.Statistics;

/// <summary>
/// Order statistics over sorted values. Quantiles interpolate linearly between the two nearest ranks (Hyndman and
/// Fan's definition 7, the one of spreadsheets' QUARTILE.INC, R's default and DuckDB's quantile_cont), so anyone can
/// recompute a published figure from the same values with the tool at hand. Pure.
/// </summary>
internal static class Quantiles
{
    /// <summary>The <paramref name="p"/>-quantile (0 ≤ p ≤ 1) of ascending <paramref name="sorted"/> values.</summary>
    public static double Of(ReadOnlySpan<float> sorted, double p)
    {
        if (sorted.IsEmpty) throw new ArgumentException("A quantile needs at least one value.", nameof(sorted));
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var fraction = position - lower;
        return sorted[lower] + (fraction * (sorted[upper] - (double)sorted[lower]));
    }

    /// <summary>
    /// Where <paramref name="value"/> stands among ascending <paramref name="sorted"/> values, from 0 to 100: the share
    /// of values below it plus half the share equal to it (the "mid-rank" percentile), so that tied organisations get
    /// the same rank and the median organisation of an odd group gets exactly 50.
    /// </summary>
    public static double PercentileRank(ReadOnlySpan<float> sorted, float value)
    {
        if (sorted.IsEmpty) throw new ArgumentException("A percentile rank needs at least one value.", nameof(sorted));
        var below = LowerBound(sorted, value);
        var equal = LowerBound(sorted, BitIncrement(value)) - below;
        return (below + (0.5 * equal)) * 100.0 / sorted.Length;
    }

    /// <summary>The index of the first value not less than <paramref name="value"/>.</summary>
    public static int LowerBound(ReadOnlySpan<float> sorted, float value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < value) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private static float BitIncrement(float value) => MathF.BitIncrement(value);
}
