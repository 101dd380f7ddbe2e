namespace Waypoint.Features.Synthetic;

/// <summary>
/// SplitMix64: a small, fast generator whose sequence is fixed by its definition, so that a seed gives the same
/// Synthetic Europe on every machine and every .NET version (System.Random makes no such promise across versions).
/// Not for anything secret.
/// </summary>
internal struct SyntheticRandom(ulong state)
{
    private ulong _state = state;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)(NextDouble() * count);

    /// <summary>Normally distributed (Box–Muller).</summary>
    public double NextGaussian(double mean, double standardDeviation)
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return mean + (standardDeviation * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
    }

    /// <summary>A stable 64-bit hash of a text and a seed (FNV-1a, then mixed), unlike string.GetHashCode, which
    /// changes from one process to the next.</summary>
    public static ulong Hash(ulong seed, string text, ulong salt = 0)
    {
        var hash = 0xCBF29CE484222325UL ^ seed;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }
        var mixer = new SyntheticRandom(hash ^ (salt * 0x9E3779B97F4A7C15UL));
        return mixer.NextUInt64();
    }
}
