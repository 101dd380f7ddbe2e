using System.Collections.Frozen;
using Waypoint.Features.Benchmarks.Cube;
using Waypoint.Features.Benchmarks.Statistics;

namespace Waypoint.Features.Benchmarks;

/// <summary>The statistics of one measure in one peer group; <see cref="Distribution"/> is null when suppressed.</summary>
internal sealed record MeasureStatistics(string Measure, Suppression.Reason Suppressed, Distribution? Distribution)
{
    public bool IsShown => Suppressed == Suppression.Reason.None;
}

/// <summary>The size and median of one measure in one peer group, both null when suppressed. Cheaper than
/// <see cref="MeasureStatistics"/> (no pass over the values), for views that show many groups at once.</summary>
internal sealed record MeasureSummary(string Measure, Suppression.Reason Suppressed, int? Count, double? Median)
{
    public bool IsShown => Suppressed == Suppression.Reason.None;
}

/// <summary>Every measure of one peer group: the overall score first, then the topics in questionnaire order.</summary>
internal sealed record GroupStatistics(PeerGroup Group, IReadOnlyList<MeasureStatistics> Measures)
{
    public MeasureStatistics Overall => Measures[BenchmarkMeasures.OverallIndex];
}

/// <summary>
/// Everything the benchmarks know at one moment: the submitted assessments and the cube of their peer groups.
/// Immutable, so a request reads one consistent state while the store swaps in the next one.
/// </summary>
internal sealed class BenchmarkSnapshot
{
    private readonly FrozenDictionary<Guid, BenchmarkRecord[]> _byOrganisation;

    // [measure][cell] → the group's statistics, filled on first use (see Describe).
    private readonly MeasureStatistics?[]?[] _described = new MeasureStatistics?[BenchmarkMeasures.Count][];

    // [cell] → synthetic members with an overall score, counted on first use (see SyntheticCount).
    private int[]? _synthetic;

    // round → what identifies its submissions (see RoundTag), computed on first use.
    private FrozenDictionary<int, string>? _roundTags;

    public BenchmarkSnapshot(FrozenDictionary<Guid, BenchmarkRecord> records, BenchmarkCube cube, DateTimeOffset lastRecordedAt)
    {
        Records = records;
        Cube = cube;
        LastRecordedAt = lastRecordedAt;
        _byOrganisation = records.Values.GroupBy(r => r.OrganisationId)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(r => r.Round).ToArray());
        // The same on every web node that has read the same entries, so an ETag from one node is good on another.
        Tag = $"{records.Count:x}-{lastRecordedAt.UtcTicks:x}-{cube.MinimumGroupSize}";
    }

    public FrozenDictionary<Guid, BenchmarkRecord> Records { get; }
    public BenchmarkCube Cube { get; }
    public DateTimeOffset LastRecordedAt { get; }

    /// <summary>Identifies the state of the data, for ETags.</summary>
    public string Tag { get; }

    public IReadOnlyList<int> Rounds => Cube.Layout.Rounds;
    public int? LatestRound => Cube.Layout.Rounds.Length == 0 ? null : Cube.Layout.Rounds[^1];

    public GroupStatistics Describe(PeerGroup group)
    {
        var cell = Cube.Layout.CellOf(group);
        return new GroupStatistics(group, [.. Enumerable.Range(0, BenchmarkMeasures.Count).Select(m => Describe(cell, m))]);
    }

    public MeasureStatistics Describe(PeerGroup group, int measure) => Describe(Cube.Layout.CellOf(group), measure);

    /// <summary>The size and median of a group for one measure, in constant time; no figure when suppressed.</summary>
    public MeasureSummary Summarize(PeerGroup group, int measure)
    {
        var cell = Cube.Layout.CellOf(group);
        var key = BenchmarkMeasures.Keys[measure];
        var suppressed = Cube.SuppressionOf(measure, cell);
        if (suppressed != Suppression.Reason.None) return new MeasureSummary(key, suppressed, null, null);
        var sorted = Cube.Sorted(measure, cell);
        return new MeasureSummary(key, suppressed, sorted.Length, Quantiles.Of(sorted, 0.5));
    }

    /// <summary>Where <paramref name="score"/> stands in the group, 0–100; null when the group may not be shown.</summary>
    public double? PercentileRank(PeerGroup group, int measure, float score)
    {
        var cell = Cube.Layout.CellOf(group);
        if (float.IsNaN(score) || Cube.SuppressionOf(measure, cell) != Suppression.Reason.None) return null;
        return Quantiles.PercentileRank(Cube.Sorted(measure, cell), score);
    }

    /// <summary>How many of the group's members with an overall score are synthetic (Synthetic Europe): a statistic like
    /// the others, so callers show it only beside a group that is shown (see BenchmarkReports.Own).</summary>
    public int SyntheticCount(PeerGroup group)
    {
        var cell = Cube.Layout.CellOf(group);
        if (cell < 0) return 0;
        // Counted once per snapshot on first use: one pass over the records, twelve cells each.
        var counts = Volatile.Read(ref _synthetic);
        if (counts is null)
        {
            counts = new int[Cube.Layout.CellCount];
            Span<int> cells = stackalloc int[12];
            foreach (var record in Records.Values)
            {
                if (!record.IsSynthetic || float.IsNaN(record.Scores[BenchmarkMeasures.OverallIndex]) || !Cube.Layout.Covers(record)) continue;
                var count = Cube.Layout.CellsOf(record, cells);
                foreach (var c in cells[..count]) counts[c]++;
            }
            Volatile.Write(ref _synthetic, counts);
        }
        return counts[cell];
    }

    /// <summary>How many synthetic members to state beside a shown group of <paramref name="size"/>: 0 when there are
    /// none, the number when all are synthetic, otherwise null (to be said as "some"). With real members among them the
    /// number would say how many real ones there are, and two overlapping groups' numbers, subtracted, could then count
    /// the real members of a group too small to show.</summary>
    public int? SyntheticCountToShow(PeerGroup group, int size)
    {
        var synthetic = SyntheticCount(group);
        return synthetic == 0 || synthetic == size ? synthetic : null;
    }

    /// <summary>Identifies the submissions of one round and the minimum group size: every figure of the round's groups,
    /// suppression included, depends on nothing else (groups never span rounds). It stays the same while submissions
    /// arrive in other rounds, so what is made from one round's figures can be kept that long.</summary>
    public string RoundTag(int round)
    {
        var tags = Volatile.Read(ref _roundTags);
        if (tags is null)
        {
            // Per round: the number of submissions and an XOR of their ids, so a round whose submissions were replaced
            // (Synthetic Europe generated again) gets another tag even with the same number.
            var byRound = new Dictionary<int, (int Count, ulong Ids)>();
            Span<byte> bytes = stackalloc byte[16];
            foreach (var record in Records.Values)
            {
                var (count, ids) = byRound.GetValueOrDefault(record.Round);
                record.AssessmentId.TryWriteBytes(bytes);
                byRound[record.Round] = (count + 1, ids ^ BitConverter.ToUInt64(bytes) ^ BitConverter.ToUInt64(bytes[8..]));
            }
            tags = byRound.ToFrozenDictionary(p => p.Key, p => $"{p.Key}-{p.Value.Count:x}-{p.Value.Ids:x}");
            Volatile.Write(ref _roundTags, tags);
        }
        return $"{tags.GetValueOrDefault(round, $"{round}-0")}-{Cube.MinimumGroupSize}";
    }

    /// <summary>The organisation's submitted assessments, oldest round first.</summary>
    public IReadOnlyList<BenchmarkRecord> RecordsOf(Guid organisationId) => _byOrganisation.GetValueOrDefault(organisationId) ?? [];

    private MeasureStatistics Describe(int cell, int measure)
    {
        if (cell < 0) return Compute(cell, measure);
        // The mean sums every score of the group (all of Europe: every submission of the round), so each group's
        // statistics are computed once per snapshot, on first use; dashboards polling every few seconds then cost a
        // lookup. Two requests computing the same group at once store equal values, so no lock is needed.
        var cache = Volatile.Read(ref _described[measure])
            ?? Interlocked.CompareExchange(ref _described[measure], new MeasureStatistics?[Cube.Layout.CellCount], null)
            ?? _described[measure]!;
        return cache[cell] ??= Compute(cell, measure);
    }

    private MeasureStatistics Compute(int cell, int measure)
    {
        var key = BenchmarkMeasures.Keys[measure];
        var suppressed = Cube.SuppressionOf(measure, cell);
        return suppressed == Suppression.Reason.None
            ? new MeasureStatistics(key, suppressed, Distribution.Of(Cube.Sorted(measure, cell)))
            : new MeasureStatistics(key, suppressed, null);
    }

    public static BenchmarkSnapshot Empty(int minimumGroupSize) =>
        new(FrozenDictionary<Guid, BenchmarkRecord>.Empty, BenchmarkCube.Build(new CubeLayout([], [], []), [], minimumGroupSize), DateTimeOffset.MinValue);
}
