using Waypoint.Features.Assessments.Scoring;

namespace Waypoint.Tests.Assessments.Scoring;

public sealed class ScoreTests
{
    [Theory]
    [InlineData(0, 1, "Starting")]
    [InlineData(1999, 100, "Starting")]
    [InlineData(20, 1, "Developing")]
    [InlineData(3999, 100, "Developing")]
    [InlineData(40, 1, "Established")]
    [InlineData(5999, 100, "Established")]
    [InlineData(60, 1, "Advanced")]
    [InlineData(7999, 100, "Advanced")]
    [InlineData(80, 1, "Leading")]
    [InlineData(100, 1, "Leading")]
    public void The_band_is_decided_on_the_exact_score_with_lower_bounds_inclusive(long numerator, long denominator, string expected)
    {
        Assert.Equal(Enum.Parse<MaturityLevel>(expected), Score.FromFraction(numerator, denominator).Level);
    }

    [Fact]
    public void A_score_just_under_a_boundary_stays_in_the_lower_band_even_when_it_displays_as_the_boundary()
    {
        var score = Score.FromFraction(19999, 1000);

        Assert.Equal(20.0m, score.Rounded);
        Assert.Equal(MaturityLevel.Starting, score.Level);
    }

    [Theory]
    [InlineData(49, 4, "12.3")]    // 12.25: a half goes away from zero, not to the even 12.2
    [InlineData(100, 3, "33.3")]
    [InlineData(200, 3, "66.7")]
    [InlineData(1, 20, "0.1")]     // 0.05
    [InlineData(25, 8, "3.1")]     // 3.125
    [InlineData(0, 1, "0.0")]
    [InlineData(100, 1, "100.0")]
    public void Scores_are_shown_with_one_decimal_rounding_halves_away_from_zero(long numerator, long denominator, string expected)
    {
        Assert.Equal(expected, Score.FromFraction(numerator, denominator).ToString());
    }

    [Fact]
    public void The_mean_of_scores_is_exact()
    {
        // 100/3 and 20/3 average to exactly 20, which floating-point arithmetic only approximates.
        var mean = Score.Mean([Score.FromFraction(100, 3), Score.FromFraction(20, 3)]);

        Assert.Equal(Score.FromInteger(20), mean);
        Assert.Equal(MaturityLevel.Developing, mean.Level);
        Assert.Equal((20, 1), (mean.Numerator, mean.Denominator));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(101, 1)]
    [InlineData(1, 0)]
    public void A_score_outside_0_to_100_cannot_be_made(long numerator, long denominator)
    {
        Assert.ThrowsAny<ArgumentException>(() => Score.FromFraction(numerator, denominator));
    }

    [Fact]
    public void The_default_score_is_zero()
    {
        Assert.Equal(Score.FromInteger(0), default);
        Assert.Equal(0, default(Score).Value);
    }

    [Fact]
    public void Levels_outside_1_to_5_are_not_answers()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaleAnswer.OfLevel(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaleAnswer.OfLevel(6));
        Assert.Equal("5", ScaleAnswer.OfLevel(5).ToString());
        Assert.Equal("dont_know", ScaleAnswer.DontKnow.ToString());
    }
}
