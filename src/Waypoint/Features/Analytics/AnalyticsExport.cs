using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Analytics.Maps;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;

namespace Waypoint.Features.Analytics;

/// <summary>One line of an export: a group (round, place, type, band) and one measure, with its figures or, when the
/// engine suppresses it, the status "suppressed", its reason and no figure at all. The column names are the workbook's.</summary>
internal sealed record ExportRow(
    [property: ExcelColumnName("round")] int Round,
    [property: ExcelColumnName("place_level")] string PlaceLevel,
    [property: ExcelColumnName("place_code")] string PlaceCode,
    [property: ExcelColumnName("place_name")] string PlaceName,
    [property: ExcelColumnName("place_name_latin")] string PlaceNameLatin,
    [property: ExcelColumnName("authority_type")] string Type,
    [property: ExcelColumnName("population_band")] string Band,
    [property: ExcelColumnName("measure")] string Measure,
    [property: ExcelColumnName("status")] string Status,
    [property: ExcelColumnName("reason")] string Reason,
    [property: ExcelColumnName("count")] int? Count,
    [property: ExcelColumnName("p10")] double? P10,
    [property: ExcelColumnName("q1")] double? Q1,
    [property: ExcelColumnName("median")] double? Median,
    [property: ExcelColumnName("q3")] double? Q3,
    [property: ExcelColumnName("p90")] double? P90,
    [property: ExcelColumnName("mean")] double? Mean);

/// <summary>One line of the workbook's "about" sheet.</summary>
internal sealed record AboutRow([property: ExcelColumnName("about")] string About, [property: ExcelColumnName("value")] string Value);

/// <summary>
/// The analytics exports (CSV and Excel): every group of the filters' round, split by place (all of Europe, each
/// member state, each NUTS-2 region), type and band, for every measure or the chosen topic. A filter narrows the
/// split: a country keeps the country and its regions, a type or band keeps that one only. Every place of the map is
/// listed whether or not anyone there submitted, so the list of rows itself reveals nothing.
/// Rows come from the snapshot in memory only, one cell lookup per group and measure. The CSV is streamed as the rows
/// are made; the workbook, a zip archive the library writes in one go, is kept per snapshot and filters, so that
/// downloading it again costs nothing until a submission changes the figures.
/// </summary>
internal sealed class AnalyticsExports(EuropeMap map, Countries countries, RegionNames regions)
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>How many workbooks are kept at most (a full one is about 8 MB; filtered ones far less).</summary>
    private const int KeptWorkbooks = 6;

    public static readonly string[] Headers =
        ["round", "place_level", "place_code", "place_name", "place_name_latin", "authority_type", "population_band", "measure", "status",
         "reason", "count", "p10", "q1", "median", "q3", "p90", "mean"];

    private static readonly string[] TypeNames = ["all", .. Enum.GetNames<AuthorityType>()];
    private static readonly string[] BandNames = ["all", .. Enum.GetNames<PopulationBand>()];

    private static readonly OpenXmlConfiguration Workbook = new() { FastMode = true, AutoFilter = false, TableStyles = TableStyles.None };

    // The round's tag + filters → the workbook being made or made.
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _workbooks = new(StringComparer.Ordinal);

    private sealed record Place(string Level, string Code, string Name, string LatinName, string? Country, string? Region);

    /// <summary>The places of an export: all of Europe, the member states and the NUTS-2 regions (a country filter keeps
    /// the country and its regions). Built per export: a few hundred entries.</summary>
    private List<Place> Places(string? country)
    {
        var places = new List<Place>();
        if (country is null) places.Add(new Place("europe", "EU", "All of Europe", "All of Europe", null, null));
        foreach (var c in countries.All.Where(c => country is null || c.Code == country).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            places.Add(new Place("country", c.Code, c.EnglishName, c.EnglishName, c.Code, null));
        }
        foreach (var shape in map.Regions.Shapes.Where(s => country is null || s.CountryCode == country))
        {
            var name = regions.Find(shape.Code);
            places.Add(new Place("nuts2", shape.Code, name?.National ?? shape.Name, name?.Latin ?? shape.Name, shape.CountryCode, shape.Code));
        }
        return places;
    }

    public IEnumerable<ExportRow> Rows(BenchmarkSnapshot snapshot, AnalyticsFilter filter)
    {
        var group = filter.Group;
        AuthorityType?[] types = group.AuthorityType is { } type ? [type] : [null, .. Enum.GetValues<AuthorityType>().Cast<AuthorityType?>()];
        PopulationBand?[] bands = group.PopulationBand is { } band ? [band] : [null, .. Enum.GetValues<PopulationBand>().Cast<PopulationBand?>()];
        int[] measures = filter.Topic is { } topic ? [topic] : [.. Enumerable.Range(0, BenchmarkMeasures.Count)];

        foreach (var place in Places(group.Country))
        {
            foreach (var t in types)
            {
                var typeName = TypeNames[t is { } tv ? (int)tv + 1 : 0];
                foreach (var b in bands)
                {
                    var bandName = BandNames[b is { } bv ? (int)bv + 1 : 0];
                    var cell = new PeerGroup(group.Round, place.Country, place.Region, t, b);
                    foreach (var measure in measures)
                    {
                        var m = snapshot.Describe(cell, measure);
                        yield return m.Distribution is { } d
                            ? new ExportRow(group.Round, place.Level, place.Code, place.Name, place.LatinName, typeName, bandName, m.Measure, "shown", "",
                                d.Count, R(d.P10), R(d.Q1), R(d.Median), R(d.Q3), R(d.P90), R(d.Mean))
                            : new ExportRow(group.Round, place.Level, place.Code, place.Name, place.LatinName, typeName, bandName, m.Measure, "suppressed",
                                BenchmarkLabels.ReasonCode(m.Suppressed), null, null, null, null, null, null, null);
                    }
                }
            }
        }
    }

    /// <summary>Writes the CSV to <paramref name="body"/> as the rows are made (the body stays open).</summary>
    public async Task WriteCsvAsync(Stream body, BenchmarkSnapshot snapshot, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        // A byte-order mark, so that spreadsheet programs read the region names as UTF-8.
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', Headers) + "\r\n");
        var line = new StringBuilder(256);
        var invariant = CultureInfo.InvariantCulture;
        var written = 0;
        foreach (var row in Rows(snapshot, filter))
        {
            line.Clear();
            line.Append(row.Round.ToString(invariant)).Append(',').Append(row.PlaceLevel).Append(',').Append(Quote(row.PlaceCode))
                .Append(',').Append(Quote(row.PlaceName)).Append(',').Append(Quote(row.PlaceNameLatin)).Append(',').Append(row.Type)
                .Append(',').Append(row.Band).Append(',').Append(row.Measure).Append(',').Append(row.Status).Append(',').Append(row.Reason)
                .Append(',').Append(row.Count?.ToString(invariant));
            AppendFigure(line, row.P10);
            AppendFigure(line, row.Q1);
            AppendFigure(line, row.Median);
            AppendFigure(line, row.Q3);
            AppendFigure(line, row.P90);
            AppendFigure(line, row.Mean);
            line.Append("\r\n");
            await writer.WriteAsync(line, cancellationToken);
            // The writer buffers 64 KB; checking for a gone client now and then is enough.
            if (++written % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static void AppendFigure(StringBuilder line, double? figure)
    {
        line.Append(',');
        if (figure is { } value) line.Append(value.ToString("0.0", CultureInfo.InvariantCulture));
    }

    /// <summary>RFC 4180 quoting for a text field (names may hold commas or quotes).</summary>
    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The workbook of a round's figures and filters: a sheet of statistics with the same columns as the CSV,
    /// and a sheet about the data (filters, minimum group size, sources). Made once per state of the round
    /// (<see cref="BenchmarkSnapshot.RoundTag"/>) and filters, even when several requests ask at once; a request that
    /// gives up does not stop it for the others. Submissions to another round leave it as it is.</summary>
    public Task<byte[]> XlsxAsync(BenchmarkSnapshot snapshot, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var key = $"{snapshot.RoundTag(filter.Group.Round)}|{filter.Group.Country}|{filter.Group.AuthorityType}|{filter.Group.PopulationBand}|{filter.Topic}";
        // Simple bound: when full, start again. Workbooks of a round's earlier state go this way too.
        if (_workbooks.Count >= KeptWorkbooks && !_workbooks.ContainsKey(key)) _workbooks.Clear();
        var made = _workbooks.GetOrAdd(key, k => new Lazy<Task<byte[]>>(() => MakeAsync(k, snapshot, filter)));
        return made.Value.WaitAsync(cancellationToken);
    }

    private async Task<byte[]> MakeAsync(string key, BenchmarkSnapshot snapshot, AnalyticsFilter filter)
    {
        try
        {
            return await Task.Run(() => Xlsx(snapshot, filter));
        }
        catch
        {
            // Not kept: the next request tries again.
            _workbooks.TryRemove(key, out _);
            throw;
        }
    }

    private byte[] Xlsx(BenchmarkSnapshot snapshot, AnalyticsFilter filter)
    {
        var sheets = new Dictionary<string, object> { ["statistics"] = Rows(snapshot, filter), ["about"] = About(snapshot, filter) };
        using var buffer = new MemoryStream(1 << 20);
        buffer.SaveAs(sheets, configuration: Workbook);
        return buffer.ToArray();
    }

    private static List<AboutRow> About(BenchmarkSnapshot snapshot, AnalyticsFilter filter)
    {
        var group = filter.Group;
        return
        [
            new("round", group.Round.ToString(CultureInfo.InvariantCulture)),
            new("country", group.Country ?? "all"),
            new("authority_type", group.AuthorityType?.ToString() ?? "all"),
            new("population_band", group.PopulationBand?.ToString() ?? "all"),
            new("measure", filter.Topic is { } t ? BenchmarkMeasures.Keys[t] : "all"),
            new("minimum_group_size", snapshot.Cube.MinimumGroupSize.ToString(CultureInfo.InvariantCulture)),
            new("suppression", "A group smaller than the minimum, or one that would reveal a smaller group by difference, is 'suppressed' and has no figures."),
            new("quantiles", "Linear interpolation between the two nearest ranks (spreadsheets' QUARTILE.INC). Figures rounded to one decimal."),
            // The snapshot the workbook was made from. A cached workbook keeps it: the round's figures have not changed
            // since (same RoundTag), so they are still those "as of" this time, while the CSV names a later snapshot.
            new("data_as_of", snapshot.LastRecordedAt == DateTimeOffset.MinValue ? "" : snapshot.LastRecordedAt.ToString("O", CultureInfo.InvariantCulture)),
            new("regions", "NUTS 2021 codes; place_name in the national language, place_name_latin in the Latin script (Eurostat GISCO). " + AnalyticsApi.Attribution),
        ];
    }

    private static double? R(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
