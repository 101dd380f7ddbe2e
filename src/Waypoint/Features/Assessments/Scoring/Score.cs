using System.Globalization;

namespace Waypoint.Features.Assessments.Scoring;

/// <summary>
/// A score from 0 to 100, kept as an exact fraction. Scores are means of multiples of 25, so a fraction is always
/// exact; keeping it exact means that the maturity band and the rounding for display never depend on
/// floating-point error (a topic at exactly 20 is at 20, not at 19.999999999999996), and anyone who recomputes a
/// score from the exported answers gets the same figure.
/// </summary>
internal readonly struct Score : IEquatable<Score>, IComparable<Score>
{
    public const int Maximum = 100;

    // Stored minus one so that default(Score) is 0/1 rather than an undefined 0/0.
    private readonly long _denominatorMinusOne;

    private Score(long numerator, long denominator)
    {
        Numerator = numerator;
        _denominatorMinusOne = denominator - 1;
    }

    /// <summary>The numerator of the reduced fraction.</summary>
    public long Numerator { get; }

    /// <summary>The denominator of the reduced fraction; always at least 1.</summary>
    public long Denominator => _denominatorMinusOne + 1;

    /// <summary>The score as a number, unrounded, for charts and statistics.</summary>
    public double Value => (double)Numerator / Denominator;

    /// <summary>The score as shown to people: one decimal, a half rounded away from zero (12.25 shows as 12.3).</summary>
    public decimal Rounded
    {
        get
        {
            // floor(10·n/d + 1/2) in integers: rounds the exact value, halves upwards (away from zero, as n ≥ 0).
            var tenths = (((Int128)Numerator * 20) + Denominator) / ((Int128)Denominator * 2);
            return (decimal)(long)tenths / 10m;
        }
    }

    /// <summary>The maturity band this exact (unrounded) score falls in.</summary>
    public MaturityLevel Level => MaturityBands.For(this);

    public static Score FromFraction(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        if (numerator < 0 || (Int128)numerator > (Int128)denominator * Maximum)
            throw new ArgumentOutOfRangeException(nameof(numerator), $"A score is from 0 to {Maximum}; {numerator}/{denominator} is not.");
        var divisor = Gcd(numerator, denominator);
        return new Score(numerator / divisor, denominator / divisor);
    }

    public static Score FromInteger(int value) => FromFraction(value, 1);

    /// <summary>The exact mean of one or more scores.</summary>
    public static Score Mean(ReadOnlySpan<Score> scores)
    {
        if (scores.IsEmpty) throw new ArgumentException("The mean of no scores is undefined.", nameof(scores));
        long numerator = 0, denominator = 1;
        foreach (var score in scores)
        {
            checked
            {
                numerator = (numerator * score.Denominator) + (score.Numerator * denominator);
                denominator *= score.Denominator;
            }
            var divisor = Gcd(numerator, denominator);
            numerator /= divisor;
            denominator /= divisor;
        }
        return FromFraction(numerator, checked(denominator * scores.Length));
    }

    public int CompareTo(Score other) =>
        ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);

    /// <summary>True when this score is at least <paramref name="threshold"/> (a whole number), compared exactly.</summary>
    public bool IsAtLeast(int threshold) => Numerator >= (Int128)threshold * Denominator;

    public bool Equals(Score other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Score other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>The rounded score with one decimal and a dot, such as <c>62.5</c>.</summary>
    public override string ToString() => Rounded.ToString("0.0", CultureInfo.InvariantCulture);

    public static bool operator ==(Score left, Score right) => left.Equals(right);

    public static bool operator !=(Score left, Score right) => !left.Equals(right);

    public static bool operator <(Score left, Score right) => left.CompareTo(right) < 0;

    public static bool operator <=(Score left, Score right) => left.CompareTo(right) <= 0;

    public static bool operator >(Score left, Score right) => left.CompareTo(right) > 0;

    public static bool operator >=(Score left, Score right) => left.CompareTo(right) >= 0;

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a == 0 ? 1 : Math.Abs(a);
    }
}
