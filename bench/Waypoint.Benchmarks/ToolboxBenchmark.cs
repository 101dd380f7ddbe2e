using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Waypoint.Data;
using Waypoint.Data.Toolbox;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Toolbox;

namespace Waypoint.Benchmarks;

/// <summary>
/// <c>toolbox --provider Sqlite|Postgres [--rounds N] [--extra N]</c>: creates a fresh database (a temporary SQLite
/// file, or a new PostgreSQL database through <c>WAYPOINT_BENCH_POSTGRES</c>), migrates it, loads the shipped
/// catalogue with the start-up seeder, adds <c>--extra</c> entries made from the shipped ones (default 1,000, so that
/// the figures hold for a catalogue that grew), then times <see cref="ToolboxCatalog.SearchAsync"/> in-process over
/// typical queries, and drops the database. Prints Markdown for docs/benchmarks.md.
/// </summary>
internal static class ToolboxBenchmark
{
    private sealed record Query(string Label, ToolboxSearch Search, string Language = "en");

    /// <summary>What visitors do: browse everything, type a word or two with or without accents, filter, page.</summary>
    private static readonly Query[] Queries =
    [
        new("browse", new ToolboxSearch("")), new("browse", new ToolboxSearch("", Page: 2)), new("browse", new ToolboxSearch("", Page: 10)),
        new("words", new ToolboxSearch("interoperabilite")), new("words", new ToolboxSearch("Interopérabilité")),
        new("words", new ToolboxSearch("data")), new("words", new ToolboxSearch("ai act")), new("words", new ToolboxSearch("digital twins")),
        new("words", new ToolboxSearch("procurement of ai")), new("words", new ToolboxSearch("open data directive")),
        new("words", new ToolboxSearch("eurocities")), new("words", new ToolboxSearch("d")), new("words", new ToolboxSearch("xyzzy")),
        new("filters", new ToolboxSearch("", Type: ToolboxEntryType.Funding)), new("filters", new ToolboxSearch("", Topic: "interoperability")),
        new("filters", new ToolboxSearch("", Level: 1)), new("filters", new ToolboxSearch("", Language: "fr")),
        new("filters", new ToolboxSearch("", Cost: ToolboxCost.Free)),
        new("filters", new ToolboxSearch("", ToolboxEntryType.Standard, "data_management", 3, "de", ToolboxCost.Free)),
        new("words+filters", new ToolboxSearch("data", Type: ToolboxEntryType.Standard, Level: 4)),
        new("words+filters", new ToolboxSearch("training ai", Topic: "technology", Language: "de")),
        new("translated", new ToolboxSearch("", Page: 1), "fr"), new("translated", new ToolboxSearch("reseau"), "fr"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Enum.Parse<DatabaseProvider>(CommandLine.Option(args, "--provider") ?? "Sqlite", ignoreCase: true);
        var rounds = int.Parse(CommandLine.Option(args, "--rounds") ?? "50", CultureInfo.InvariantCulture);
        var extra = int.Parse(CommandLine.Option(args, "--extra") ?? "1000", CultureInfo.InvariantCulture);
        var (connectionString, drop) = await CreateDatabaseAsync(provider);
        try
        {
            var builder = new DbContextOptionsBuilder<WaypointDbContext>();
            DataRegistration.Configure(builder, provider, connectionString, AppContext.BaseDirectory);
            var options = builder.Options;
            await using (var db = new WaypointDbContext(options)) await db.Database.MigrateAsync();

            var vocabulary = new ToolboxVocabulary(Questionnaire.TopicKeys.ToHashSet(StringComparer.Ordinal),
                File.ReadLines(Path.Combine(AppContext.BaseDirectory, "ReferenceData", "eu-languages.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList());
            var shipped = ToolboxCatalogueFile.Load(Path.Combine(AppContext.BaseDirectory, "Content", "toolbox"), vocabulary, new KeyLocalizer());
            var seed = Stopwatch.StartNew();
            await using (var db = new WaypointDbContext(options))
                await new ToolboxSeeder(new ShippedToolbox(shipped), NullLogger<ToolboxSeeder>.Instance).SeedAsync(db, CancellationToken.None);
            seed.Stop();
            await using (var db = new WaypointDbContext(options))
            {
                for (var i = 0; i < extra; i++)
                {
                    var model = shipped[i % shipped.Count];
                    var entry = new ToolboxEntry { Key = $"{model.Key}-copy-{i}", Version = 1 };
                    ToolboxEntries.Apply(entry, model with
                    {
                        Name = $"{model.Name} {i}",
                        Translations = new Dictionary<string, ToolboxText> { ["fr"] = new($"Réseau {model.Name} {i}", model.Summary) },
                    });
                    db.ToolboxEntries.Add(entry);
                }
                await db.SaveChangesAsync();
            }

            var pool = new PooledDbContextFactory<WaypointDbContext>(options);
            var timings = new List<(Query Query, double Milliseconds, int Total)>();
            for (var round = -1; round < rounds; round++)
            {
                foreach (var query in Queries)
                {
                    await using var db = await pool.CreateDbContextAsync();
                    var catalog = new ToolboxCatalog(db);
                    var stopwatch = Stopwatch.StartNew();
                    var results = await catalog.SearchAsync(query.Search, query.Language, CancellationToken.None);
                    stopwatch.Stop();
                    if (round >= 0) timings.Add((query, stopwatch.Elapsed.TotalMilliseconds, results.Total)); // round -1 warms up
                }
            }

            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"### Toolbox catalogue on {provider}"));
            Console.WriteLine();
            Console.WriteLine(string.Create(c, $"- Shipped catalogue: {shipped.Count} entries, loaded by the start-up seeder in {seed.Elapsed.TotalMilliseconds:0} ms; {extra:N0} more entries added, {shipped.Count + extra:N0} in all"));
            Console.WriteLine(string.Create(c, $"- Search, in-process around ToolboxCatalog.SearchAsync (count + page of 20), {Queries.Length} queries × {rounds} rounds after one warm-up round:"));
            Console.WriteLine();
            Console.WriteLine("| queries | n | p50 ms | p95 ms | max ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var group in timings.GroupBy(t => t.Query.Label).Append(timings.GroupBy(_ => "all").Single()))
            {
                var sorted = group.Select(t => t.Milliseconds).Order().ToArray();
                Console.WriteLine(string.Create(c, $"| {group.Key} | {sorted.Length} | {Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.95):0.0} | {sorted[^1]:0.0} |"));
            }
            Console.WriteLine();
            Console.WriteLine($"Load average (1, 5, 15 min) after: {(File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a")}.");
            return 0;
        }
        finally
        {
            await drop();
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<(string ConnectionString, Func<Task> Drop)> CreateDatabaseAsync(DatabaseProvider provider)
    {
        var name = $"waypoint_bench_toolbox_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            return ($"Data Source={path}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(path);
                return Task.CompletedTask;
            }
            );
        }
        var admin = Environment.GetEnvironmentVariable("WAYPOINT_BENCH_POSTGRES")
            ?? "Host=127.0.0.1;Port=5432;Username=waypoint;Password=waypoint;Database=postgres";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        return (new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await DirectoryBenchmark.DropPostgresDatabaseAsync(admin, name);
        }
        );
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The content checks' messages in English, without the application's translations.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
