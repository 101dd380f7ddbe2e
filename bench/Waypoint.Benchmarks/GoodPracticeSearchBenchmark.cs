using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Waypoint.Data;
using Waypoint.Data.Assessments;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.GoodPractices;
using Waypoint.Data.Organisations;
using Waypoint.Features.Authorities;
using Waypoint.Features.GoodPractices;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Benchmarks;

/// <summary>
/// <c>good-practices --provider Sqlite|Postgres [--count 10000] [--rounds 20]</c>: creates a fresh database, inserts
/// <c>count</c> approved good practices (from about count / 7 organisations, one per topic each, titles and
/// descriptions of realistic length in several languages), then times the library search in-process over a set of
/// queries and filters, and drops the database. Target: p95 under 50 ms with 10,000 good practices.
/// </summary>
internal static class GoodPracticeSearchBenchmark
{
    private sealed record Query(string Label, string Text, string? Topic = null, string? Country = null, AuthorityType? Type = null,
        PopulationBand? Band = null, int Page = 1);

    private static readonly Query[] Queries =
    [
        new("browse", ""), new("browse", "", Page: 2), new("browse", "", Page: 50),
        new("word", "portal"), new("word", "open data"), new("word", "geodaten"), new("word", "Geodäten"), new("word", "citoyens"),
        new("word", "plateforme numérique"), new("word", "chatbot"), new("word", "interoperability"), new("word", "łódź"),
        new("word", "e-government"), new("word", "smart city sensors"), new("word", "bürgerservice"), new("word", "παράθυρο"),
        new("short", "a"), new("short", "ai"), new("short", "it"),
        new("filter", "", Topic: "data_management"), new("filter", "", Country: "DE"), new("filter", "", Type: AuthorityType.Region),
        new("filter", "", Band: PopulationBand.From5000To19999), new("filter", "portal", Topic: "service_delivery", Country: "FR"),
        new("filter", "open", Topic: "governance", Country: "IT", Type: AuthorityType.Municipality, Band: PopulationBand.From20000To99999),
        new("none", "xyzzy"), new("none", "qqqqqqqq wwwwww"),
    ];

    private static readonly string[] Countries = ["DE", "FR", "IT", "ES", "PL", "NL", "BE", "AT", "SE", "PT", "EL", "CZ", "HU", "RO", "FI", "DK", "IE", "SK", "BG", "HR", "LT", "SI", "LV", "EE", "CY", "LU", "MT"];

    private static readonly string[] TitleWords =
    [
        "Open data portal", "Bürgerservice online", "Plateforme numérique des citoyens", "Chatbot for residents", "Geodäten-Infrastruktur",
        "Smart city sensors", "Digitale Verwaltung", "E-government one-stop shop", "Interoperability hub", "Sportello digitale",
        "Ventanilla única electrónica", "Cyfrowy urząd", "Digitaal loket", "Gestion des données", "Cloud migration", "Παράθυρο εξυπηρέτησης",
        "Łódź data office", "Participatory budgeting app", "AI procurement clauses", "Algorithm register",
    ];

    private static readonly string[] Sentences =
    [
        "The municipality publishes its map layers and budget as open data, updated every night.",
        "Residents book appointments, pay fees and follow their requests in one place.",
        "Les citoyens déposent leurs demandes en ligne et suivent leur traitement.",
        "Die Verwaltung stellt Geodaten über standardisierte Schnittstellen bereit.",
        "We trained staff in service design and tested every form with residents.",
        "A shared data platform with the neighbouring towns cut costs by a third.",
        "Il comune ha digitalizzato i procedimenti edilizi e ridotto i tempi di risposta.",
        "El ayuntamiento integró sus registros con la plataforma nacional de interoperabilidad.",
        "Sensors measure air quality and traffic; the data feed the city's dashboard.",
        "Procurement now includes clauses on algorithmic transparency and open standards.",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Enum.Parse<DatabaseProvider>(CommandLine.Option(args, "--provider") ?? "Sqlite", ignoreCase: true);
        var count = int.Parse(CommandLine.Option(args, "--count") ?? "10000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(CommandLine.Option(args, "--rounds") ?? "20", CultureInfo.InvariantCulture);
        var loadBefore = DirectoryBenchmark.LoadAverage();
        var (connectionString, drop) = await DirectoryBenchmark.CreateDatabaseAsync(provider);
        try
        {
            var builder = new DbContextOptionsBuilder<WaypointDbContext>();
            DataRegistration.Configure(builder, provider, connectionString, AppContext.BaseDirectory);
            var options = builder.Options;
            await using (var db = new WaypointDbContext(options)) await db.Database.MigrateAsync();

            var insert = Stopwatch.StartNew();
            await InsertAsync(options, count);
            insert.Stop();

            var topics = new TopicNames(QuestionnaireCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Content", "questionnaire")));
            var pool = new PooledDbContextFactory<WaypointDbContext>(options);
            var timings = new List<(Query Query, double Milliseconds, double CpuMilliseconds, int Total)>();
            var process = System.Diagnostics.Process.GetCurrentProcess();
            for (var round = -1; round < rounds; round++)
            {
                foreach (var query in Queries)
                {
                    await using var db = await pool.CreateDbContextAsync();
                    var library = new GoodPracticeLibrary(db, topics);
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var stopwatch = Stopwatch.StartNew();
                    var results = await library.SearchAsync(
                        new GoodPracticeSearch(query.Text, query.Topic, query.Country, query.Type, query.Band, query.Page), CancellationToken.None);
                    stopwatch.Stop();
                    process.Refresh();
                    var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                    if (round >= 0) timings.Add((query, stopwatch.Elapsed.TotalMilliseconds, cpu, results.Total));
                }
            }
            Report(provider, count, rounds, insert.Elapsed, timings);
            Console.WriteLine();
            Console.WriteLine($"Load average (1, 5, 15 min) before: {loadBefore}; after: {DirectoryBenchmark.LoadAverage()}.");
            return 0;
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>Authorities, organisations and submitted assessments to hang the good practices on, then the practices, in batches.</summary>
    private static async Task InsertAsync(DbContextOptions<WaypointDbContext> options, int count)
    {
        var random = new Random(20261125);
        var topicKeys = Questionnaire.TopicKeys;
        var organisations = (count + topicKeys.Length - 1) / topicKeys.Length;
        var now = DateTimeOffset.UtcNow;
        const int batch = 200;
        for (var start = 0; start < organisations; start += batch)
        {
            await using var db = new WaypointDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(organisations, start + batch); i++)
            {
                var country = Countries[random.Next(Countries.Length)];
                var type = random.Next(10) switch { 0 => AuthorityType.Region, 1 => AuthorityType.OtherPublicBody, _ => AuthorityType.Municipality };
                var name = $"{TitleWords[random.Next(TitleWords.Length)].Split(' ')[0]}stadt {i}";
                var population = (long)Math.Exp(random.NextDouble() * 13);
                var authority = new Authority { Code = $"BENCH_{i}", Type = type, Name = name, SearchName = SearchText.Fold(name), CountryCode = country, Population = population };
                var organisation = new Organisation { Id = Guid.NewGuid(), Authority = authority, CreatedAt = now };
                var assessment = new Assessment
                {
                    Id = Guid.NewGuid(),
                    Organisation = organisation,
                    Round = 2026,
                    QuestionnaireVersion = "1.0",
                    Status = AssessmentStatus.Submitted,
                    CreatedAt = now,
                    CreatedById = "bench",
                    SubmittedAt = now,
                    UpdatedAt = now,
                };
                db.Add(assessment);
                foreach (var topicKey in topicKeys)
                {
                    if (i * topicKeys.Length + topicKeys.IndexOf(topicKey) >= count) break;
                    var title = $"{TitleWords[random.Next(TitleWords.Length)]} {name}";
                    var description = string.Join(" ", Enumerable.Range(0, 2 + random.Next(12)).Select(_ => Sentences[random.Next(Sentences.Length)]));
                    db.Add(new SharedGoodPractice
                    {
                        Id = Guid.NewGuid(),
                        Organisation = organisation,
                        AssessmentId = assessment.Id,
                        TopicKey = topicKey,
                        Round = 2026,
                        Title = title,
                        Description = description,
                        SearchText = SearchText.Fold($"{title} {description} {name}"),
                        AuthorityName = name,
                        CountryCode = country,
                        AuthorityType = type,
                        PopulationBand = PopulationBands.For(population),
                        Status = GoodPracticeStatus.Approved,
                        PublishedAt = now,
                        PublishedById = "bench",
                        DecidedAt = now.AddMinutes(-random.Next(500_000)),
                        DecidedById = "bench",
                        Version = 2,
                    });
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Wall-clock times, and the processor time the process used meanwhile: on a machine shared with other
    /// work the first includes waiting for a core, the second (all threads, so the garbage collector too) does not.</summary>
    private static void Report(DatabaseProvider provider, int count, int rounds, TimeSpan insert, List<(Query Query, double Milliseconds, double CpuMilliseconds, int Total)> timings)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"### Good-practice library search on {provider}, {count:N0} approved good practices"));
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"- Inserting them (with their authorities, organisations and assessments): {insert.TotalSeconds:0.0} s"));
        Console.WriteLine(string.Create(c, $"- GoodPracticeLibrary.SearchAsync in-process (page of 20, count when needed), {Queries.Length} queries × {rounds} rounds after one warm-up round:"));
        Console.WriteLine();
        Console.WriteLine("| queries | n | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in timings.GroupBy(t => t.Query.Label).Append(timings.GroupBy(_ => "all").Single()))
        {
            var sorted = group.Select(t => t.Milliseconds).Order().ToArray();
            var cpu = group.Select(t => t.CpuMilliseconds).Order().ToArray();
            Console.WriteLine(string.Create(c, $"| {group.Key} | {sorted.Length} | {DirectoryBenchmark.Percentile(sorted, 0.50):0.0} | {DirectoryBenchmark.Percentile(sorted, 0.95):0.0} | {sorted[^1]:0.0} | {DirectoryBenchmark.Percentile(cpu, 0.50):0.0} | {DirectoryBenchmark.Percentile(cpu, 0.95):0.0} |"));
        }
        Console.WriteLine();
        Console.WriteLine("Slowest queries (median of their rounds):");
        Console.WriteLine();
        foreach (var slow in timings.GroupBy(t => t.Query)
                     .Select(g => (g.Key, Median: DirectoryBenchmark.Percentile(g.Select(t => t.Milliseconds).Order().ToArray(), 0.5), g.First().Total))
                     .OrderByDescending(x => x.Median).Take(5))
        {
            var q = slow.Key;
            Console.WriteLine(string.Create(c,
                $"- `q={q.Text}{(q.Topic is null ? "" : " topic=" + q.Topic)}{(q.Country is null ? "" : " country=" + q.Country)}{(q.Type is null ? "" : " type=" + ApiNames.Of(q.Type.Value))}{(q.Band is null ? "" : " band=" + ApiNames.Of(q.Band.Value))}{(q.Page == 1 ? "" : " page=" + q.Page)}`: {slow.Median:0.0} ms ({slow.Total:N0} matches)"));
        }
    }
}
