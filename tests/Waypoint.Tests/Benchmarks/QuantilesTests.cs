using Waypoint.Features.Benchmarks.Statistics;

namespace Waypoint.Tests.Benchmarks;

/// <summary>Quartiles and percentile ranks against values worked out by hand (definition 7: position p·(n − 1)).</summary>
public sealed class QuantilesTests
{
    [Fact]
    public void Quartiles_of_an_odd_count_fall_on_values_or_between_them()
    {
        float[] values = [10, 20, 30, 40, 50];
        // positions 1, 2, 3 of 0..4
        Assert.Equal(20, Quantiles.Of(values, 0.25), 6);
        Assert.Equal(30, Quantiles.Of(values, 0.50), 6);
        Assert.Equal(40, Quantiles.Of(values, 0.75), 6);
        // position 0.4: 10 + 0.4 × 10
        Assert.Equal(14, Quantiles.Of(values, 0.10), 6);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        float[] values = [0, 25, 50, 100];
        Assert.Equal(37.5, Quantiles.Of(values, 0.50), 6);
        // position 0.75: 0 + 0.75 × 25 ; position 2.25: 50 + 0.25 × 50
        Assert.Equal(18.75, Quantiles.Of(values, 0.25), 6);
        Assert.Equal(62.5, Quantiles.Of(values, 0.75), 6);
    }

    [Fact]
    public void Ties_give_the_tied_value_and_share_one_percentile_rank()
    {
        float[] values = [25, 50, 50, 50, 75, 100];
        Assert.Equal(50, Quantiles.Of(values, 0.25), 6); // position 1.25 between two 50s
        Assert.Equal(50, Quantiles.Of(values, 0.50), 6);
        // below 1, equal 3: (1 + 1.5) / 6
        Assert.Equal(250.0 / 6, Quantiles.PercentileRank(values, 50), 6);
        Assert.Equal(100.0 / 12, Quantiles.PercentileRank(values, 25), 6);
        Assert.Equal(100 - (100.0 / 12), Quantiles.PercentileRank(values, 100), 6);
    }

    [Fact]
    public void The_middle_organisation_of_an_odd_group_is_at_the_50th_percentile()
    {
        float[] values = [12.5f, 40, 41.666668f, 90, 100];
        Assert.Equal(50, Quantiles.PercentileRank(values, 41.666668f), 6);
    }

    [Fact]
    public void A_score_outside_the_group_ranks_at_0_or_100()
    {
        float[] values = [20, 40, 60];
        Assert.Equal(0, Quantiles.PercentileRank(values, 10), 6);
        Assert.Equal(100, Quantiles.PercentileRank(values, 70), 6);
    }

    [Fact]
    public void A_distribution_has_its_count_mean_and_whiskers_at_the_10th_and_90th_percentiles()
    {
        float[] values = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        var d = Distribution.Of(values);
        Assert.Equal(11, d.Count);
        Assert.Equal(50, d.Mean, 6);
        Assert.Equal(10, d.P10, 6);
        Assert.Equal(25, d.Q1, 6);
        Assert.Equal(50, d.Median, 6);
        Assert.Equal(75, d.Q3, 6);
        Assert.Equal(90, d.P90, 6);
    }

    [Fact]
    public void A_single_value_is_every_quantile()
    {
        float[] values = [42];
        Assert.Equal(42, Quantiles.Of(values, 0.25), 6);
        Assert.Equal(42, Quantiles.Of(values, 0.9), 6);
        Assert.Equal(50, Quantiles.PercentileRank(values, 42), 6);
    }
}
