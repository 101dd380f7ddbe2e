using System.Collections.Frozen;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Benchmarks.Cube;

namespace Waypoint.Tests.Benchmarks;

/// <summary>The privacy rules of docs/privacy.md on small, hand-built sets of submissions.</summary>
public sealed class SuppressionTests
{
    private const int Minimum = 5;

    [Fact]
    public void A_group_at_the_threshold_is_shown_and_one_below_it_is_not()
    {
        // Italy's one keeps the hidden part of Europe at five: otherwise Europe minus Germany would give France.
        var records = Many(5, "DE", "DE21", AuthorityType.Municipality, PopulationBand.Under1000)
            .Concat(Many(4, "FR", "FR10", AuthorityType.Municipality, PopulationBand.Under1000))
            .Append(One("IT", "ITC1", AuthorityType.Municipality, PopulationBand.Under1000, 50)).ToList();
        var snapshot = Snapshot(records);

        Assert.True(snapshot.Describe(new PeerGroup(2026, "DE"), 0).IsShown);
        var france = snapshot.Describe(new PeerGroup(2026, "FR"), 0);
        Assert.False(france.IsShown);
        Assert.Equal(Suppression.Reason.TooFew, france.Suppressed);
        Assert.Null(france.Distribution);
        Assert.Null(snapshot.PercentileRank(new PeerGroup(2026, "FR"), 0, 50));
    }

    [Fact]
    public void A_group_that_differs_from_a_wider_one_by_fewer_than_the_minimum_is_hidden()
    {
        // Germany: 9 municipalities of one band and 1 of another. "Germany" (10) and "Germany, band A" (9) would
        // together reveal the one municipality of band B.
        var records = Many(9, "DE", "DE21", AuthorityType.Municipality, PopulationBand.Under1000)
            .Append(One("DE", "DE21", AuthorityType.Municipality, PopulationBand.From500000, 99)).ToList();
        var snapshot = Snapshot(records);

        var germany = snapshot.Describe(new PeerGroup(2026, "DE"), 0);
        var bandA = snapshot.Describe(new PeerGroup(2026, "DE", PopulationBand: PopulationBand.Under1000), 0);
        Assert.False(germany.IsShown && bandA.IsShown, "Germany and Germany-under-1,000 must not both be shown.");
        Assert.False(snapshot.Describe(new PeerGroup(2026, "DE", PopulationBand: PopulationBand.From500000), 0).IsShown);
    }

    [Fact]
    public void When_the_hidden_parts_of_a_split_add_up_to_fewer_than_the_minimum_another_part_is_hidden_too()
    {
        // Europe = DE 6 + FR 6 + IT 2: "Europe", "Germany" and "France" shown would give Italy's two by difference.
        var records = Many(6, "DE", "DE21", AuthorityType.Municipality, PopulationBand.Under1000)
            .Concat(Many(6, "FR", "FR10", AuthorityType.Municipality, PopulationBand.Under1000))
            .Concat(Many(2, "IT", "ITC1", AuthorityType.Municipality, PopulationBand.Under1000)).ToList();
        var snapshot = Snapshot(records);

        var shown = new[] { "DE", "FR" }.Count(c => snapshot.Describe(new PeerGroup(2026, c), 0).IsShown);
        var europe = snapshot.Describe(new PeerGroup(2026), 0).IsShown;
        Assert.False(europe && shown == 2, "Europe, Germany and France together would reveal Italy.");
        Assert.False(snapshot.Describe(new PeerGroup(2026, "IT"), 0).IsShown);
    }

    [Fact]
    public void Every_shown_group_is_at_least_the_minimum_and_no_shown_pair_differs_by_fewer()
    {
        var random = new Random(7);
        string[] places = ["DE21", "DE22", "FR10", "FR21", "ITC1"];
        var records = Enumerable.Range(0, 300).Select(_ =>
        {
            var region = places[random.Next(places.Length)];
            return One(region[..2], region, (AuthorityType)random.Next(4), (PopulationBand)random.Next(7), random.Next(101));
        }).ToList();
        var snapshot = Snapshot(records);
        var layout = snapshot.Cube.Layout;

        for (var cell = 0; cell < layout.CellCount; cell++)
        {
            if (snapshot.Cube.SuppressionOf(0, cell) != Suppression.Reason.None) continue;
            var count = snapshot.Cube.Sorted(0, cell).Length;
            Assert.True(count >= Minimum);
            foreach (var ancestor in layout.AncestorsOf(cell))
            {
                if (snapshot.Cube.SuppressionOf(0, ancestor) != Suppression.Reason.None) continue;
                var difference = snapshot.Cube.Sorted(0, ancestor).Length - count;
                Assert.True(difference == 0 || difference >= Minimum, $"{layout.GroupOf(cell)} and {layout.GroupOf(ancestor)} differ by {difference}.");
            }
        }
    }

    [Fact]
    public void A_new_submission_grows_exactly_the_groups_it_lies_in()
    {
        var records = Many(6, "DE", "DE21", AuthorityType.Municipality, PopulationBand.Under1000).ToList();
        var snapshot = Snapshot(records);
        var added = One("DE", "DE21", AuthorityType.Municipality, PopulationBand.Under1000, 100);

        var grown = snapshot.Cube.With([added]);

        var germany = grown.Layout.CellOf(new PeerGroup(2026, "DE"));
        Assert.Equal(7, grown.Sorted(0, germany).Length);
        Assert.Equal(100, grown.Sorted(0, germany)[^1]);
        Assert.Equal(6, snapshot.Cube.Sorted(0, germany).Length); // the old cube is untouched
        var rebuilt = BenchmarkCube.Build(grown.Layout, [.. records, added], Minimum);
        for (var cell = 0; cell < grown.Layout.CellCount; cell++)
        {
            Assert.Equal(rebuilt.Sorted(0, cell).ToArray(), grown.Sorted(0, cell).ToArray());
        }
    }

    private static BenchmarkSnapshot Snapshot(IReadOnlyCollection<BenchmarkRecord> records)
    {
        var layout = new CubeLayout(records.Select(r => r.Round), records.Select(r => r.CountryCode), records.Select(r => r.Nuts2Code!));
        return new BenchmarkSnapshot(records.ToDictionary(r => r.AssessmentId).ToFrozenDictionary(),
            BenchmarkCube.Build(layout, records, Minimum), DateTimeOffset.UtcNow);
    }

    private static IEnumerable<BenchmarkRecord> Many(int count, string country, string region, AuthorityType type, PopulationBand band) =>
        Enumerable.Range(0, count).Select(i => One(country, region, type, band, 10 * i));

    private static BenchmarkRecord One(string country, string region, AuthorityType type, PopulationBand band, float overall)
    {
        var scores = Enumerable.Repeat(float.NaN, BenchmarkMeasures.Count).ToArray();
        scores[0] = overall;
        return new BenchmarkRecord(Guid.NewGuid(), Guid.NewGuid(), 1, 2026, country, region, type, band, scores, false, false, DateTimeOffset.UtcNow);
    }
}
