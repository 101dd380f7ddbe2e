using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Features.Analytics;
using Waypoint.Features.Analytics.Maps;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Benchmarks.Cube;

namespace Waypoint.Benchmarks.Load;

/// <summary>
/// <c>export --provider Sqlite|Postgres --connection "…" [--runs 3]</c>: the analytics downloads (CSV and Excel) of a
/// database that holds Synthetic Europe, in-process: the entries are read once into a snapshot, as a web node holds
/// them, then each export is produced <c>--runs</c> times from it. Only reads: a SQLite file is opened read-only.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var isPostgres = (CommandLine.Option(args, "--provider") ?? "Sqlite").Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        var connectionString = CommandLine.Option(args, "--connection") ?? throw new ArgumentException("--connection is required: a database with Synthetic Europe.");
        var runs = int.Parse(CommandLine.Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var options = new DbContextOptionsBuilder<WaypointDbContext>();
        if (isPostgres) DataRegistration.Configure(options, DatabaseProvider.Postgres, connectionString, AppContext.BaseDirectory);
        else options.UseSqlite(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString) { Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly }.ToString());

        var watch = Stopwatch.StartNew();
        List<BenchmarkRecord> records;
        DateTimeOffset last;
        await using (var db = new WaypointDbContext(options.Options))
        {
            (records, last) = await BenchmarkLoader.LoadAllAsync(db, CancellationToken.None);
        }
        var layout = new CubeLayout(records.Select(r => r.Round), records.Select(r => r.CountryCode),
            records.Where(r => r.Nuts2Code is not null).Select(r => r.Nuts2Code!));
        var snapshot = new BenchmarkSnapshot(records.ToFrozenDictionary(r => r.AssessmentId), BenchmarkCube.Build(layout, records, 5), last);
        var countries = Countries.Load(Path.Combine(AppContext.BaseDirectory, "ReferenceData"));
        var map = EuropeMap.Load(AnalyticsRegistration.GeoDirectory, countries.All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal));
        var regionNames = RegionNames.Load(RegionNames.GeoDirectory);
        var exports = new AnalyticsExports(map, countries, regionNames);
        Console.WriteLine(Invariant($"## Analytics exports ({records.Count:N0} submitted assessments, read and built in {watch.Elapsed.TotalSeconds:0.0} s; load {DirectoryBenchmark.LoadAverage()})"));
        Console.WriteLine();
        Console.WriteLine("| export | rows | size | first (s) | again, not kept (s) | again, kept workbook (s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");

        var round = snapshot.LatestRound ?? throw new InvalidOperationException("The database holds no submitted assessment.");
        var topic = BenchmarkMeasures.IndexOf("governance");
        foreach (var (label, filter) in new[]
                 {
                     ("full", new AnalyticsFilter(new PeerGroup(round), null, 0)),
                     ("one topic", new AnalyticsFilter(new PeerGroup(round), topic, 0)),
                     ("one country and topic", new AnalyticsFilter(new PeerGroup(round, "DE"), topic, 0)),
                 })
        {
            foreach (var format in new[] { "csv", "xlsx" })
            {
                // A new service each time: nothing kept from the run before (the snapshot's statistics are, after the first).
                var times = new List<double>();
                long size = 0;
                for (var run = 0; run <= runs; run++)
                {
                    var (seconds, bytes) = await TimeAsync(new AnalyticsExports(map, countries, regionNames), snapshot, filter, format);
                    times.Add(seconds);
                    size = bytes;
                }
                if (format == "xlsx")
                {
                    // For comparison, the workbook as it was made before: a dictionary per row and the library's defaults,
                    // alternating with the current way so that the shared machine's load weighs on both alike.
                    var (before, now) = (new List<double>(), new List<double>());
                    for (var run = 0; run < runs; run++)
                    {
                        before.Add(await DictionaryWorkbookAsync(exports, snapshot, filter));
                        now.Add((await TimeAsync(new AnalyticsExports(map, countries, regionNames), snapshot, filter, format)).Seconds);
                    }
                    Console.WriteLine(Invariant($"|   {label} xlsx, alternating: before (dictionaries, defaults) {before.Min():0.00}–{before.Max():0.00} s, now {now.Min():0.00}–{now.Max():0.00} s | | | | | |"));
                }
                var kept = format == "xlsx" ? (await TimeAsync(exports, snapshot, filter, format), await TimeAsync(exports, snapshot, filter, format)).Item2.Seconds : double.NaN;
                var rows = exports.Rows(snapshot, filter).Count();
                Console.WriteLine(Invariant($"| {label} {format} | {rows:N0} | {size / 1024.0 / 1024.0:0.0} MB | {times[0]:0.00} | {times.Skip(1).Min():0.00}–{times.Skip(1).Max():0.00} | {(double.IsNaN(kept) ? "" : kept.ToString("0.000", CultureInfo.InvariantCulture))} |"));
            }
        }
        return 0;
    }

    private static async Task<(double Seconds, long Bytes)> TimeAsync(AnalyticsExports exports, BenchmarkSnapshot snapshot, AnalyticsFilter filter, string format)
    {
        var timer = Stopwatch.StartNew();
        using var body = new MemoryStream();
        if (format == "csv") await exports.WriteCsvAsync(body, snapshot, filter, CancellationToken.None);
        else await body.WriteAsync(await exports.XlsxAsync(snapshot, filter, CancellationToken.None));
        return (timer.Elapsed.TotalSeconds, body.Length);
    }

    private static async Task<double> DictionaryWorkbookAsync(AnalyticsExports exports, BenchmarkSnapshot snapshot, AnalyticsFilter filter)
    {
        var timer = Stopwatch.StartNew();
        var rows = exports.Rows(snapshot, filter).Select(r => new Dictionary<string, object?>
        {
            ["round"] = r.Round,
            ["place_level"] = r.PlaceLevel,
            ["place_code"] = r.PlaceCode,
            ["place_name"] = r.PlaceName,
            ["place_name_latin"] = r.PlaceNameLatin,
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
        using var buffer = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(buffer, new Dictionary<string, object> { ["statistics"] = rows });
        _ = buffer.ToArray();
        return timer.Elapsed.TotalSeconds;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
