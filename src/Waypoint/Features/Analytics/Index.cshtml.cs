using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Analytics.Maps;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;

namespace Waypoint.Features.Analytics;

/// <summary>
/// The analytics page: a map of Europe by median score, the ranking of topics, distributions by type and band, change
/// between rounds and participation, for the filters of a GET form. Public, because it shows only the engine's
/// aggregates; coordinators also see the scores of the organisations in the selection that published their results.
/// Everything is drawn on the server (SVG and tables), so it works without JavaScript.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(AnalyticsReport report, Countries countries, RegionNames regions, IAuthorizationService authorization, IStringLocalizer<Program> l)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Band { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>How the map's table is sorted: name (default), median or count.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public AnalyticsFilter? Filter { get; private set; }

    public IReadOnlyList<(string FieldId, string Message)> Errors { get; private set; } = [];

    public int MinimumGroupSize { get; private set; }

    public IReadOnlyList<int> RoundOptions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> CountryOptions { get; private set; } = [];
    public IReadOnlyList<(string Key, string Title)> TopicOptions { get; private set; } = [];

    public string MapSvgMarkup { get; private set; } = "";
    public string MeasureTitle { get; private set; } = "";
    public IReadOnlyList<MapPlace> MapPlaces { get; private set; } = [];
    public IReadOnlyList<TopicRank> Ranking { get; private set; } = [];
    public IReadOnlyList<DistributionRow> ByType { get; private set; } = [];
    public IReadOnlyList<DistributionRow> ByBand { get; private set; } = [];
    public string ByTypeSvg { get; private set; } = "";
    public string ByBandSvg { get; private set; } = "";
    public IReadOnlyList<int> ChangeRounds { get; private set; } = [];
    public IReadOnlyList<ChangeRow> Change { get; private set; } = [];
    public IReadOnlyList<ParticipationRow> ParticipationByCountry { get; private set; } = [];
    public IReadOnlyList<ParticipationRow> ParticipationByType { get; private set; } = [];

    /// <summary>Only for coordinators: the organisations of the selection that published their results.</summary>
    public IReadOnlyList<PublishedRow>? Published { get; private set; }
    public int PublishedTotal { get; private set; }

    public string GroupLabel { get; private set; } = "";

    public static IReadOnlyList<AuthorityType> Types => Enum.GetValues<AuthorityType>();
    public static IReadOnlyList<PopulationBand> Bands => Enum.GetValues<PopulationBand>();

    public Countries Countries => countries;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = report.Snapshot;
        MinimumGroupSize = snapshot.Cube.MinimumGroupSize;
        var culture = CultureInfo.CurrentUICulture;
        CountryOptions = [.. countries.SortedFor(culture)];
        TopicOptions = [.. Enumerable.Range(1, BenchmarkMeasures.Count - 1).Select(m => (BenchmarkMeasures.Keys[m], report.MeasureTitle(m)))];

        var (filter, errors) = new AnalyticsQuery(Round, Country, Type, Band, Topic, Level).Resolve(snapshot, countries, l);
        Errors = [.. errors.SelectMany(e => e.Value.Select(message => ("filter-" + e.Key, message)))];
        var rounds = snapshot.Rounds.ToList();
        if (filter is not null && !rounds.Contains(filter.Group.Round)) rounds.Add(filter.Group.Round);
        RoundOptions = [.. rounds.OrderDescending()];
        if (filter is null) return;
        Filter = filter;
        var group = filter.Group;
        // Echo the filters as the form's options spell them.
        Round = group.Round.ToString(CultureInfo.InvariantCulture);
        Country = group.Country;
        Type = group.AuthorityType?.ToString();
        Band = group.PopulationBand?.ToString();
        Topic = filter.Topic is { } t ? BenchmarkMeasures.Keys[t] : null;
        Level = filter.Level.ToString(CultureInfo.InvariantCulture);

        MeasureTitle = report.MeasureTitle(filter.Measure);
        GroupLabel = BenchmarkLabels.Group(group, countries, regions, l);
        var places = report.MapPlaces(snapshot, filter, filter.Level);
        MapSvgMarkup = MapSvg.Render(report.Map, filter.Level, places, MapTitle(), MinimumGroupSize, l);
        MapPlaces = SortPlaces(places.Where(p => p.InSelection));
        Ranking = report.TopicRanking(snapshot, filter);
        ByType = report.ByType(snapshot, filter);
        ByBand = report.ByBand(snapshot, filter);
        ByTypeSvg = BoxPlotSvg.Render("by-type-chart", l["Box plots of the {0} by authority type. The table below gives the figures.", MeasureTitle], ByType, l);
        ByBandSvg = BoxPlotSvg.Render("by-band-chart", l["Box plots of the {0} by population band. The table below gives the figures.", MeasureTitle], ByBand, l);
        ChangeRounds = AnalyticsReport.ChangeRounds(snapshot, filter);
        Change = report.Change(snapshot, filter, ChangeRounds);
        ParticipationByCountry = await report.ParticipationByCountryAsync(snapshot, filter, cancellationToken);
        ParticipationByType = await report.ParticipationByTypeAsync(snapshot, filter, cancellationToken);

        if ((await authorization.AuthorizeAsync(User, PlatformRoles.Coordinator)).Succeeded)
        {
            (Published, PublishedTotal) = await report.PublishedAsync(snapshot, filter, cancellationToken);
        }
    }

    private string MapTitle() => Filter!.Level == 0
        ? l["Map of the EU: median {0} by member state, {1}. The table below the map gives the same figures.", MeasureTitle, GroupLabel]
        : l["Map of the EU: median {0} by NUTS-2 region, {1}. The table below the map gives the same figures.", MeasureTitle, GroupLabel];

    private List<MapPlace> SortPlaces(IEnumerable<MapPlace> places) => Sort switch
    {
        "median" => [.. places.OrderByDescending(p => p.Summary!.Median ?? -1).ThenBy(p => p.Name, StringComparer.CurrentCulture)],
        "count" => [.. places.OrderByDescending(p => p.Summary!.Count ?? -1).ThenBy(p => p.Name, StringComparer.CurrentCulture)],
        _ => [.. places.OrderBy(p => p.Name, StringComparer.CurrentCulture)],
    };

    /// <summary>The query string of the current filters, with <paramref name="change"/> applied (a null value removes a key).</summary>
    public string Query(params (string Key, string? Value)[] change)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["round"] = Round,
            ["country"] = Country,
            ["type"] = Type,
            ["band"] = Band,
            ["topic"] = Topic,
            ["level"] = Level,
            ["sort"] = Sort,
        };
        foreach (var (key, value) in change) values[key] = value;
        return QueryString.Create(values.Where(v => !string.IsNullOrWhiteSpace(v.Value))).ToString();
    }

    /// <summary>The export's query: the filters without the page's own settings (level, sort).</summary>
    public string ExportQuery => Query(("level", null), ("sort", null));
}
