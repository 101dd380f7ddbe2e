using System.Globalization;
using Microsoft.Extensions.Localization;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;

namespace Waypoint.Features.Analytics;

/// <summary>The filters of the analytics page, its exports and the map API, as typed in a query string. Everything is
/// optional: the latest round, all of Europe, every type and band, the overall score, the country map.</summary>
internal sealed record AnalyticsQuery(string? Round, string? Country, string? Type, string? Band, string? Topic, string? Level)
{
    /// <summary>The checked filters, or the errors per field (round, country, type, band, topic, level).</summary>
    public (AnalyticsFilter? Filter, Dictionary<string, string[]> Errors) Resolve(BenchmarkSnapshot snapshot, Countries countries, IStringLocalizer l)
    {
        var errors = new Dictionary<string, string[]>();
        int? round = null;
        if (!string.IsNullOrWhiteSpace(Round))
        {
            if (int.TryParse(Round.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) round = parsed;
            else errors["round"] = [l["round must be a year such as {0}.", DateTime.UtcNow.Year]];
        }
        var level = 0;
        if (!string.IsNullOrWhiteSpace(Level))
        {
            switch (Level.Trim())
            {
                case "0": level = 0; break;
                case "2": level = 2; break;
                default: errors["level"] = [l["level must be 0 (countries) or 2 (NUTS-2 regions)."]]; break;
            }
        }
        var (group, measure, groupErrors) = new PeerGroupQuery(round, Country, null, Type, Band, Topic).Resolve(snapshot, countries, l);
        foreach (var (field, messages) in groupErrors) errors.TryAdd(field, messages);
        return errors.Count > 0 || group is null
            ? (null, errors)
            : (new AnalyticsFilter(group, measure, level), errors);
    }
}

/// <summary>Checked filters: the peer group chosen (round, country, type, band), the topic chosen (a measure index;
/// null for none), and the map level (0 countries, 2 NUTS-2 regions).</summary>
internal sealed record AnalyticsFilter(PeerGroup Group, int? Topic, int Level)
{
    /// <summary>The measure to map and plot: the topic chosen, or the overall score.</summary>
    public int Measure => Topic ?? BenchmarkMeasures.OverallIndex;

    public string MeasureKey => BenchmarkMeasures.Keys[Measure];
}
