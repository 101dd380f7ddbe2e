using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Analytics.Maps;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;

namespace Waypoint.Features.Analytics;

/// <summary>One line of an export: a group (round, place, type, band) and one measure, with its figures or, when the
/// engine suppresses it, the status "suppressed", its reason and no figure at all.</summary>
internal sealed record ExportRow(int Round, string PlaceLevel, string PlaceCode, string PlaceName, string Type, string Band, string Measure,
    string Status, string Reason, int? Count, double? P10, double? Q1, double? Median, double? Q3, double? P90, double? Mean);

/// <summary>
/// The analytics exports (CSV and Excel): every group of the filters' round, split by place (all of Europe, each
/// member state, each NUTS-2 region), type and band, for every measure or the chosen topic. A filter narrows the
/// split: a country keeps the country and its regions, a type or band keeps that one only. Every place of the map is
/// listed whether or not anyone there submitted, so the list of rows itself reveals nothing.
/// </summary>
internal static class AnalyticsExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Headers =
        ["round", "place_level", "place_code", "place_name", "authority_type", "population_band", "measure", "status", "reason",
         "count", "p10", "q1", "median", "q3", "p90", "mean"];

    public static IEnumerable<ExportRow> Rows(BenchmarkSnapshot snapshot, AnalyticsFilter filter, EuropeMap map, Countries countries)
    {
        var group = filter.Group;
        var places = new List<(string Level, string Code, string Name, string? Country, string? Region)>();
        if (group.Country is null) places.Add(("europe", "EU", "All of Europe", null, null));
        places.AddRange(countries.All.Where(c => group.Country is null || c.Code == group.Country).OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => ("country", c.Code, c.EnglishName, (string?)c.Code, (string?)null)));
        places.AddRange(map.Regions.Shapes.Where(s => group.Country is null || s.CountryCode == group.Country)
            .Select(s => ("nuts2", s.Code, s.Name, (string?)s.CountryCode, (string?)s.Code)));
        AuthorityType?[] types = group.AuthorityType is { } type ? [type] : [null, .. Enum.GetValues<AuthorityType>().Cast<AuthorityType?>()];
        PopulationBand?[] bands = group.PopulationBand is { } band ? [band] : [null, .. Enum.GetValues<PopulationBand>().Cast<PopulationBand?>()];

        foreach (var place in places)
        {
            foreach (var t in types)
            {
                foreach (var b in bands)
                {
                    var cell = new PeerGroup(group.Round, place.Country, place.Region, t, b);
                    var measures = filter.Topic is { } topic ? [snapshot.Describe(cell, topic)] : snapshot.Describe(cell).Measures;
                    foreach (var m in measures)
                    {
                        var (typeName, bandName) = (t?.ToString() ?? "all", b?.ToString() ?? "all");
                        yield return m.Distribution is { } d
                            ? new ExportRow(group.Round, place.Level, place.Code, place.Name, typeName, bandName, m.Measure, "shown", "",
                                d.Count, R(d.P10), R(d.Q1), R(d.Median), R(d.Q3), R(d.P90), R(d.Mean))
                            : new ExportRow(group.Round, place.Level, place.Code, place.Name, typeName, bandName, m.Measure, "suppressed",
                                BenchmarkLabels.ReasonCode(m.Suppressed), null, null, null, null, null, null, null);
                    }
                }
            }
        }
    }

    public static async Task WriteCsvAsync(Stream body, IEnumerable<ExportRow> rows, CancellationToken cancellationToken)
    {
        // A byte-order mark, so that spreadsheet programs read the region names as UTF-8.
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        await writer.WriteAsync(string.Join(',', Headers) + "\r\n");
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line.Clear();
            line.Append(row.Round.ToString(CultureInfo.InvariantCulture)).Append(',').Append(row.PlaceLevel).Append(',').Append(Quote(row.PlaceCode))
                .Append(',').Append(Quote(row.PlaceName)).Append(',').Append(row.Type).Append(',').Append(row.Band).Append(',').Append(row.Measure)
                .Append(',').Append(row.Status).Append(',').Append(row.Reason).Append(',').Append(row.Count?.ToString(CultureInfo.InvariantCulture));
            foreach (var figure in new[] { row.P10, row.Q1, row.Median, row.Q3, row.P90, row.Mean })
            {
                line.Append(',').Append(figure?.ToString("0.0", CultureInfo.InvariantCulture));
            }
            line.Append("\r\n");
            await writer.WriteAsync(line, cancellationToken);
        }
    }

    /// <summary>RFC 4180 quoting for a text field (names may hold commas or quotes).</summary>
    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The workbook: a sheet of statistics with the same columns as the CSV, and a sheet about the data
    /// (filters, minimum group size, sources).</summary>
    public static async Task<byte[]> XlsxAsync(IEnumerable<ExportRow> rows, IEnumerable<(string Key, string Value)> about, CancellationToken cancellationToken)
    {
        var statistics = rows.Select(r => new Dictionary<string, object?>
        {
            ["round"] = r.Round,
            ["place_level"] = r.PlaceLevel,
            ["place_code"] = r.PlaceCode,
            ["place_name"] = r.PlaceName,
            ["authority_type"] = r.Type,
            ["population_band"] = r.Band,
            ["measure"] = r.Measure,
            ["status"] = r.Status,
            ["reason"] = r.Reason,
            ["count"] = r.Count,
            ["p10"] = r.P10,
            ["q1"] = r.Q1,
            ["median"] = r.Median,
            ["q3"] = r.Q3,
            ["p90"] = r.P90,
            ["mean"] = r.Mean,
        });
        var aboutRows = about.Select(a => new Dictionary<string, object?> { ["about"] = a.Key, ["value"] = a.Value });
        var sheets = new Dictionary<string, object> { ["statistics"] = statistics, ["about"] = aboutRows };
        // The workbook is a zip archive, written synchronously by the library: into memory first, then sent.
        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return buffer.ToArray();
    }

    private static double? R(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
