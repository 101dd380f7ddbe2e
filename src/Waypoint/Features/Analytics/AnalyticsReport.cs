using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Analytics.Maps;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Analytics;

/// <summary>A place of the map with its figures; <see cref="InSelection"/> is false for places outside the country
/// filter, which get no figures at all.</summary>
internal sealed record MapPlace(MapShape Shape, string Name, MeasureSummary? Summary)
{
    public bool InSelection => Summary is not null;
}

internal sealed record TopicRank(string Key, string Title, MeasureSummary Summary);

/// <summary>One box of a box plot: a group of the chosen filters split by one dimension.</summary>
internal sealed record DistributionRow(string Key, string Label, MeasureStatistics Statistics);

internal sealed record ChangeRow(string Key, string Title, IReadOnlyList<MeasureSummary> ByRound, double? Change);

/// <summary>Submissions of one group against the active authorities the directory lists for it. The submitted count is
/// the engine's count of overall scores, suppressed by its rules like every other figure.</summary>
internal sealed record ParticipationRow(string Key, string Label, MeasureSummary Submitted, int InDirectory)
{
    /// <summary>Submitted as a share of the directory, in percent; null when the count is not shown.</summary>
    public double? Share => Submitted.Count is { } count && InDirectory > 0 ? count * 100.0 / InDirectory : null;
}

internal sealed record PublishedRow(Guid OrganisationId, string Name, string CountryCode, AuthorityType Type, PopulationBand Band,
    double? Overall, double? Measure, bool IsSynthetic);

/// <summary>
/// Builds the sections of the analytics page from one benchmark snapshot. Every figure comes from the engine's
/// <see cref="BenchmarkSnapshot.Summarize"/> or <see cref="BenchmarkSnapshot.Describe(PeerGroup, int)"/>, so the
/// minimum group size and the differencing rules hold here as everywhere (docs/privacy.md). Lookups are constant
/// time per group; the page asks for a few hundred groups at most.
/// </summary>
internal sealed class AnalyticsReport(BenchmarkStore store, EuropeMap map, Countries countries, RegionNames regions, QuestionnaireCatalog catalog,
    DirectoryCounts directory, WaypointDbContext db, IStringLocalizer<Program> l)
{
    /// <summary>How many published organisations the coordinators' list shows at most.</summary>
    public const int PublishedLimit = 200;

    public BenchmarkSnapshot Snapshot => store.Current;

    public EuropeMap Map => map;

    public Questionnaire? Questionnaire =>
        catalog.Current is { } current ? catalog.Localize(current, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) : null;

    public string MeasureTitle(int measure) => BenchmarkLabels.Measure(BenchmarkMeasures.Keys[measure], Questionnaire, l);

    /// <summary>A country in the reader's language; a region in its national language, with its Latin-script name when
    /// the reader's language is written otherwise (see <see cref="RegionName.For"/>).</summary>
    public string PlaceName(MapShape shape) =>
        shape.Code.Length == 2 ? countries.NameOf(shape.Code, CultureInfo.CurrentUICulture) : regions.NameOf(shape.Code, CultureInfo.CurrentUICulture);

    /// <summary>Every EU place of the level, with figures for those in the filter's country (all when none).</summary>
    public IReadOnlyList<MapPlace> MapPlaces(BenchmarkSnapshot snapshot, AnalyticsFilter filter, int level)
    {
        var group = filter.Group;
        var country = group.Country;
        return [.. map.Level(level).Shapes.Select(shape =>
        {
            if (country is not null && shape.CountryCode != country) return new MapPlace(shape, PlaceName(shape), null);
            var placeGroup = level == 0
                ? group with { CountryCode = shape.Code, Nuts2Code = null }
                : group with { CountryCode = shape.CountryCode, Nuts2Code = shape.Code };
            return new MapPlace(shape, PlaceName(shape), snapshot.Summarize(placeGroup, filter.Measure));
        })];
    }

    /// <summary>The topics of the filtered group, highest median first; hidden ones last, in questionnaire order.</summary>
    public IReadOnlyList<TopicRank> TopicRanking(BenchmarkSnapshot snapshot, AnalyticsFilter filter) =>
        [.. Enumerable.Range(1, BenchmarkMeasures.Count - 1)
            .Select(m => new TopicRank(BenchmarkMeasures.Keys[m], MeasureTitle(m), snapshot.Summarize(filter.Group, m)))
            .OrderBy(r => r.Summary.IsShown ? 0 : 1).ThenByDescending(r => r.Summary.Median ?? 0)];

    public IReadOnlyList<DistributionRow> ByType(BenchmarkSnapshot snapshot, AnalyticsFilter filter) =>
        [.. Enum.GetValues<AuthorityType>().Select(t => new DistributionRow(t.ToString(), AuthorityLabels.TypeFilter(t, l),
            snapshot.Describe(filter.Group with { AuthorityType = t }, filter.Measure)))];

    public IReadOnlyList<DistributionRow> ByBand(BenchmarkSnapshot snapshot, AnalyticsFilter filter) =>
        [.. Enum.GetValues<PopulationBand>().Select(b => new DistributionRow(b.ToString(), BenchmarkLabels.Band(b, l),
            snapshot.Describe(filter.Group with { PopulationBand = b }, filter.Measure)))];

    /// <summary>The rounds the change table shows: up to five, ending with the chosen one.</summary>
    public static IReadOnlyList<int> ChangeRounds(BenchmarkSnapshot snapshot, AnalyticsFilter filter)
    {
        var rounds = snapshot.Rounds.Where(r => r <= filter.Group.Round).TakeLast(5).ToList();
        if (!rounds.Contains(filter.Group.Round)) rounds.Add(filter.Group.Round);
        return rounds;
    }

    /// <summary>Per measure, the median of the filtered group in each round, and the change from the previous round to
    /// the chosen one (when both are shown).</summary>
    public IReadOnlyList<ChangeRow> Change(BenchmarkSnapshot snapshot, AnalyticsFilter filter, IReadOnlyList<int> rounds) =>
        [.. Enumerable.Range(0, BenchmarkMeasures.Count).Select(m =>
        {
            var byRound = rounds.Select(r => snapshot.Summarize(filter.Group with { Round = r }, m)).ToList();
            double? change = byRound.Count >= 2 && byRound[^1].Median is { } now && byRound[^2].Median is { } before ? now - before : null;
            return new ChangeRow(BenchmarkMeasures.Keys[m], MeasureTitle(m), byRound, change);
        })];

    /// <summary>Participation per country (for the filter's type and band; only the filter's country when one is chosen).</summary>
    public async Task<IReadOnlyList<ParticipationRow>> ParticipationByCountryAsync(BenchmarkSnapshot snapshot, AnalyticsFilter filter,
        CancellationToken cancellationToken)
    {
        var counts = await directory.GetAsync(cancellationToken);
        var group = filter.Group;
        return [.. countries.SortedFor(CultureInfo.CurrentUICulture)
            .Where(c => group.Country is null || c.Code == group.Country)
            .Select(c => new ParticipationRow(c.Code, c.Name,
                snapshot.Summarize(group with { CountryCode = c.Code, Nuts2Code = null }, BenchmarkMeasures.OverallIndex),
                counts.Of(c.Code, group.AuthorityType, group.PopulationBand)))];
    }

    /// <summary>Participation per authority type (for the filter's country and band; only the filter's type when one is chosen).</summary>
    public async Task<IReadOnlyList<ParticipationRow>> ParticipationByTypeAsync(BenchmarkSnapshot snapshot, AnalyticsFilter filter,
        CancellationToken cancellationToken)
    {
        var counts = await directory.GetAsync(cancellationToken);
        var group = filter.Group;
        return [.. Enum.GetValues<AuthorityType>()
            .Where(t => group.AuthorityType is null || t == group.AuthorityType)
            .Select(t => new ParticipationRow(t.ToString(), AuthorityLabels.TypeFilter(t, l),
                snapshot.Summarize(group with { AuthorityType = t }, BenchmarkMeasures.OverallIndex),
                counts.Of(group.Country, t, group.PopulationBand)))];
    }

    /// <summary>For coordinators: the organisations of the filtered group that chose to publish their results, highest
    /// overall score first, at most <see cref="PublishedLimit"/>; and how many there are in all.</summary>
    public async Task<(IReadOnlyList<PublishedRow> Rows, int Total)> PublishedAsync(BenchmarkSnapshot snapshot, AnalyticsFilter filter,
        CancellationToken cancellationToken)
    {
        var group = filter.Group;
        var published = snapshot.Records.Values
            .Where(r => r.ResultsPublished && r.Round == group.Round
                        && (group.Country is null || r.CountryCode == group.Country)
                        && (group.AuthorityType is null || r.AuthorityType == group.AuthorityType)
                        && (group.PopulationBand is null || r.PopulationBand == group.PopulationBand))
            .ToList();
        var shown = published
            .OrderByDescending(r => float.IsNaN(r.Scores[BenchmarkMeasures.OverallIndex]) ? -1 : r.Scores[BenchmarkMeasures.OverallIndex])
            .ThenBy(r => r.AuthorityId).Take(PublishedLimit).ToList();
        var ids = shown.Select(r => r.AuthorityId).ToList();
        var names = await db.Authorities.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return ([.. shown.Select(r => new PublishedRow(r.OrganisationId, names.GetValueOrDefault(r.AuthorityId) ?? "", r.CountryCode, r.AuthorityType,
            r.PopulationBand, Score(r.Scores[BenchmarkMeasures.OverallIndex]), Score(r.Scores[filter.Measure]), r.IsSynthetic))], published.Count);
    }

    private static double? Score(float value) => float.IsNaN(value) ? null : Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// <summary>A figure as the page shows it: one decimal, in the reader's culture.</summary>
    public static string Figure(double? value) =>
        value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.CurrentCulture) : "";
}
