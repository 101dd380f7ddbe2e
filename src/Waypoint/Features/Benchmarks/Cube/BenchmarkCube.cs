namespace Waypoint.Features.Benchmarks.Cube;

/// <summary>
/// The sorted scores of every peer group, per measure, and which groups may be shown. Built once from all records
/// (<see cref="Build"/>) and then grown by copy-on-write as submissions arrive (<see cref="With"/>): a new submission
/// touches only the twelve groups it lies in, so it is reflected within a poll interval without a rebuild. Readers
/// always see one consistent cube; it never changes after construction.
/// </summary>
internal sealed class BenchmarkCube
{
    private static readonly float[] Empty = [];

    // [measure][cell] → that group's scores for the measure, ascending; null when the group has none.
    private readonly float[]?[][] _sorted;
    private readonly Suppression.Reason[][] _suppressed;

    private BenchmarkCube(CubeLayout layout, float[]?[][] sorted, int minimumGroupSize)
    {
        Layout = layout;
        _sorted = sorted;
        MinimumGroupSize = minimumGroupSize;
        _suppressed = [.. sorted.Select(cells => Suppression.Decide(layout, cells, minimumGroupSize))];
    }

    public CubeLayout Layout { get; }
    public int MinimumGroupSize { get; }

    /// <summary>The ascending scores of a group for a measure (empty when it has none). For computing its own statistics
    /// and an organisation's rank only: never show these values.</summary>
    public ReadOnlySpan<float> Sorted(int measure, int cell) => cell < 0 ? Empty : _sorted[measure][cell] ?? Empty;

    /// <summary>Why the group's figures for a measure must not be shown, or <see cref="Suppression.Reason.None"/>.</summary>
    public Suppression.Reason SuppressionOf(int measure, int cell) => cell < 0 ? Suppression.Reason.TooFew : _suppressed[measure][cell];

    public static BenchmarkCube Build(CubeLayout layout, IReadOnlyCollection<BenchmarkRecord> records, int minimumGroupSize)
    {
        var sorted = new float[]?[BenchmarkMeasures.Count][];
        Parallel.For(0, BenchmarkMeasures.Count, measure => sorted[measure] = BuildMeasure(layout, records, measure));
        return new BenchmarkCube(layout, sorted, minimumGroupSize);
    }

    /// <summary>A cube with <paramref name="added"/> records in it as well. The records must be new and lie in this layout.</summary>
    public BenchmarkCube With(IReadOnlyCollection<BenchmarkRecord> added)
    {
        if (added.Count == 0) return this;
        var sorted = new float[]?[BenchmarkMeasures.Count][];
        Span<int> cells = stackalloc int[12];
        for (var measure = 0; measure < sorted.Length; measure++)
        {
            var copy = (float[]?[])_sorted[measure].Clone();
            foreach (var record in added)
            {
                var value = record.Scores[measure];
                if (float.IsNaN(value)) continue;
                var count = Layout.CellsOf(record, cells);
                foreach (var cell in cells[..count]) copy[cell] = Insert(copy[cell], value);
            }
            sorted[measure] = copy;
        }
        return new BenchmarkCube(Layout, sorted, MinimumGroupSize);
    }

    private static float[]?[] BuildMeasure(CubeLayout layout, IReadOnlyCollection<BenchmarkRecord> records, int measure)
    {
        // Two passes: count each cell's values, then fill exact-size arrays and sort them.
        var counts = new int[layout.CellCount];
        Span<int> cells = stackalloc int[12];
        foreach (var record in records)
        {
            if (float.IsNaN(record.Scores[measure])) continue;
            var count = layout.CellsOf(record, cells);
            foreach (var cell in cells[..count]) counts[cell]++;
        }
        var sorted = new float[]?[layout.CellCount];
        var filled = new int[layout.CellCount];
        for (var cell = 0; cell < counts.Length; cell++)
        {
            if (counts[cell] > 0) sorted[cell] = new float[counts[cell]];
        }
        foreach (var record in records)
        {
            var value = record.Scores[measure];
            if (float.IsNaN(value)) continue;
            var count = layout.CellsOf(record, cells);
            foreach (var cell in cells[..count]) sorted[cell]![filled[cell]++] = value;
        }
        foreach (var values in sorted)
        {
            if (values is not null) Array.Sort(values);
        }
        return sorted;
    }

    private static float[] Insert(float[]? values, float value)
    {
        if (values is null) return [value];
        var at = Statistics.Quantiles.LowerBound(values, value);
        var grown = new float[values.Length + 1];
        Array.Copy(values, grown, at);
        grown[at] = value;
        Array.Copy(values, at, grown, at + 1, values.Length - at);
        return grown;
    }
}
