using System.Collections.Frozen;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;

namespace Waypoint.Features.Benchmarks.Cube;

/// <summary>
/// Numbers every peer group of the benchmark cube. A cell is (round, place, type, band) where place is all of Europe
/// (0), a country, or a NUTS-2 region; type and band are "any" (0) or one value. Every record lies in twelve cells:
/// three places × type or any × band or any.
/// </summary>
internal sealed class CubeLayout
{
    private static readonly AuthorityType[] Types = Enum.GetValues<AuthorityType>();
    private static readonly PopulationBand[] Bands = Enum.GetValues<PopulationBand>();

    private readonly FrozenDictionary<int, int> _roundIndex;
    private readonly FrozenDictionary<string, int> _placeIndex;
    private readonly int[] _countryOfPlace; // place index → its country's place index (itself for a country, 0 for Europe)

    public CubeLayout(IEnumerable<int> rounds, IEnumerable<string> countries, IEnumerable<string> regions)
    {
        Rounds = [.. rounds.Distinct().Order()];
        Countries = [.. countries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Regions = [.. regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _roundIndex = Rounds.Select((r, i) => (r, i)).ToFrozenDictionary(p => p.r, p => p.i);
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var country in Countries) places[country] = places.Count + 1;
        foreach (var region in Regions) places[region] = places.Count + 1;
        _placeIndex = places.ToFrozenDictionary(StringComparer.Ordinal);
        PlaceCount = places.Count + 1;
        _countryOfPlace = new int[PlaceCount];
        foreach (var (code, index) in places)
        {
            _countryOfPlace[index] = code.Length == 2 ? index : places.GetValueOrDefault(code[..2]);
        }
        CellCount = Rounds.Length * PlaceCount * TypeCount * BandCount;
    }

    public int[] Rounds { get; }
    public string[] Countries { get; }
    public string[] Regions { get; }
    public int PlaceCount { get; }
    public static int TypeCount => Types.Length + 1;
    public static int BandCount => Bands.Length + 1;
    public int CellCount { get; }

    /// <summary>Whether every place of <paramref name="record"/> has a number in this layout.</summary>
    public bool Covers(BenchmarkRecord record) =>
        _roundIndex.ContainsKey(record.Round) && _placeIndex.ContainsKey(record.CountryCode)
        && (record.Nuts2Code is null || (_placeIndex.ContainsKey(record.Nuts2Code) && record.Nuts2Code.StartsWith(record.CountryCode, StringComparison.Ordinal)));

    /// <summary>The cell of a peer group, or −1 when no record can lie in it (a round, country or region without submissions).</summary>
    public int CellOf(PeerGroup group)
    {
        if (!_roundIndex.TryGetValue(group.Round, out var round)) return -1;
        var place = 0;
        if (group.Nuts2Code is not null)
        {
            if (!_placeIndex.TryGetValue(group.Nuts2Code, out place)) return -1;
            if (group.CountryCode is not null && !group.Nuts2Code.StartsWith(group.CountryCode, StringComparison.Ordinal)) return -1;
        }
        else if (group.CountryCode is not null && !_placeIndex.TryGetValue(group.CountryCode, out place)) return -1;
        var type = group.AuthorityType is { } t ? (int)t + 1 : 0;
        var band = group.PopulationBand is { } b ? (int)b + 1 : 0;
        return Cell(round, place, type, band);
    }

    /// <summary>The twelve cells a record lies in (fewer when it has no region).</summary>
    public int CellsOf(BenchmarkRecord record, Span<int> cells)
    {
        var round = _roundIndex[record.Round];
        Span<int> places = [0, _placeIndex[record.CountryCode], record.Nuts2Code is null ? -1 : _placeIndex[record.Nuts2Code]];
        var type = (int)record.AuthorityType + 1;
        var band = (int)record.PopulationBand + 1;
        var count = 0;
        foreach (var place in places)
        {
            if (place < 0) continue;
            cells[count++] = Cell(round, place, 0, 0);
            cells[count++] = Cell(round, place, type, 0);
            cells[count++] = Cell(round, place, 0, band);
            cells[count++] = Cell(round, place, type, band);
        }
        return count;
    }

    public int Cell(int round, int place, int type, int band) => (((((round * PlaceCount) + place) * TypeCount) + type) * BandCount) + band;

    public (int Round, int Place, int Type, int Band) Split(int cell)
    {
        var band = cell % BandCount;
        cell /= BandCount;
        var type = cell % TypeCount;
        cell /= TypeCount;
        var place = cell % PlaceCount;
        return (cell / PlaceCount, place, type, band);
    }

    /// <summary>The place of Europe (0), a country, or a region's country.</summary>
    public int CountryOfPlace(int place) => _countryOfPlace[place];

    public bool IsRegion(int place) => place > Countries.Length;

    /// <summary>Every coarser group that contains the cell's group: wider place (region → country → Europe), any type,
    /// any band, and their combinations.</summary>
    public int[] AncestorsOf(int cell) => (_ancestors ??= [.. Enumerable.Range(0, CellCount).Select(ComputeAncestors)])[cell];

    /// <summary>The ways a cell is split into finer groups along one dimension: by type (when any), by band (when any),
    /// by country (when Europe) or by region (when a country). Each split lists its child cells.</summary>
    public int[][] SplitsOf(int cell) => (_splits ??= [.. Enumerable.Range(0, CellCount).Select(ComputeSplits)])[cell];

    // Computed once per layout: the suppression rules walk them for every cell after every change.
    private int[][]? _ancestors;
    private int[][][]? _splits;

    private int[] ComputeAncestors(int cell)
    {
        var ancestors = new List<int>(11);
        var (round, place, type, band) = Split(cell);
        Span<int> places = [place, place == 0 ? -1 : CountryOfPlace(place) == place ? -1 : CountryOfPlace(place), place == 0 ? -1 : 0];
        Span<int> types = [type, type == 0 ? -1 : 0];
        Span<int> bands = [band, band == 0 ? -1 : 0];
        foreach (var p in places)
        {
            if (p < 0) continue;
            foreach (var t in types)
            {
                if (t < 0) continue;
                foreach (var b in bands)
                {
                    if (b < 0) continue;
                    var ancestor = Cell(round, p, t, b);
                    if (ancestor != cell) ancestors.Add(ancestor);
                }
            }
        }
        return [.. ancestors];
    }

    private int[][] ComputeSplits(int cell)
    {
        var splits = new List<int[]>(3);
        var (round, place, type, band) = Split(cell);
        if (type == 0) splits.Add([.. Enumerable.Range(1, TypeCount - 1).Select(t => Cell(round, place, t, band))]);
        if (band == 0) splits.Add([.. Enumerable.Range(1, BandCount - 1).Select(b => Cell(round, place, type, b))]);
        if (place == 0) splits.Add([.. Enumerable.Range(1, Countries.Length).Select(p => Cell(round, p, type, band))]);
        else if (!IsRegion(place))
        {
            var children = Enumerable.Range(Countries.Length + 1, Regions.Length).Where(p => CountryOfPlace(p) == place).ToArray();
            if (children.Length > 0) splits.Add([.. children.Select(p => Cell(round, p, type, band))]);
        }
        return [.. splits];
    }

    public PeerGroup GroupOf(int cell)
    {
        var (round, place, type, band) = Split(cell);
        string? country = null, region = null;
        if (place > 0 && IsRegion(place))
        {
            region = Regions[place - Countries.Length - 1];
            country = region[..2];
        }
        else if (place > 0) country = Countries[place - 1];
        return new PeerGroup(Rounds[round], country, region,
            type == 0 ? null : Types[type - 1], band == 0 ? null : Bands[band - 1]);
    }
}
