namespace Waypoint.Data.Benchmarks;

/// <summary>
/// The population bands peer groups are built from (docs/peer-groups.md). Half of the EU's municipalities have fewer
/// than about 1,800 inhabitants, so the lower bands are narrow; regions and member states fall in the upper ones.
/// </summary>
public enum PopulationBand
{
    /// <summary>The directory has no population figure.</summary>
    Unknown,
    Under1000,
    From1000To4999,
    From5000To19999,
    From20000To99999,
    From100000To499999,
    From500000,
}

public static class PopulationBands
{
    public static PopulationBand For(long? population) => population switch
    {
        null or < 0 => PopulationBand.Unknown,
        < 1_000 => PopulationBand.Under1000,
        < 5_000 => PopulationBand.From1000To4999,
        < 20_000 => PopulationBand.From5000To19999,
        < 100_000 => PopulationBand.From20000To99999,
        < 500_000 => PopulationBand.From100000To499999,
        _ => PopulationBand.From500000,
    };

    /// <summary>The NUTS-2 code of an authority: its own for a level-2 region, the first four characters of a NUTS-3
    /// code (a level-3 region's own, or the one a municipality lies in); null above level 2.</summary>
    public static string? Nuts2Of(string? nutsCode) => nutsCode is { Length: >= 4 } ? nutsCode[..4] : null;
}
