using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Accounts;
using Waypoint.Data.Assessments;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.Organisations;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Benchmarks.Cube;

namespace Waypoint.Benchmarks.Load;

/// <summary>
/// <c>compare --provider Sqlite|Postgres --connection "…"</c>: the Compare targets on a database that already holds
/// Synthetic Europe (generate it first with the application's <c>synthetic-europe</c> command). Measures, in order:
/// rebuilding every aggregate from scratch in-process (reading the entries, building the cube); DuckDB computing the
/// same per-group quartiles from a CSV export of the entries, as a reference; then, against the application started
/// as its own process, the open-data call under 32 concurrent connections, an organisation's own dashboard data, how
/// long a new submission takes to show in the aggregates while that load runs, and the web process's memory.
/// Prints Markdown for docs/benchmarks.md.
/// </summary>
internal static class CompareLoad
{
    private const int Connections = 32;

    // An upper bound only: the load stops at its duration. HttpLoad reserves room for this many samples per worker.
    private const int MaxRequestsPerWorker = 100_000;
    private const string Password = "benchmark-password-42";

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = CommandLine.Option(args, "--provider") ?? "Sqlite";
        var isPostgres = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        var connectionString = CommandLine.Option(args, "--connection") ?? throw new ArgumentException("--connection is required: a database with Synthetic Europe.");
        var seconds = int.Parse(CommandLine.Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var options = new DbContextOptionsBuilder<WaypointDbContext>();
        DataRegistration.Configure(options, isPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString, AppContext.BaseDirectory);

        Console.WriteLine($"## Compare at full scale on {(isPostgres ? "PostgreSQL" : "SQLite")}");
        var records = await RebuildAsync(options.Options);
        await DuckDbReferenceAsync(records);

        await using var app = await AppProcess.StartAsync(isPostgres ? "Postgres" : "Sqlite", connectionString,
            new Dictionary<string, string> { ["RateLimits__AuthPerMinute"] = "100000" });
        Console.WriteLine(Invariant($"- Web process after start: {app.MemoryMiB:0} MiB working set."));
        var peak = new PeakMemory(app);

        var queries = OpenDataQueries(records);
        using var anonymous = Clients(app.BaseAddress, Connections);
        await LoadOpenDataAsync(anonymous, queries, TimeSpan.FromSeconds(3), useEtag: false); // warm-up
        var open = await LoadOpenDataAsync(anonymous, queries, TimeSpan.FromSeconds(seconds), useEtag: false);
        Console.WriteLine($"- Open-data call `GET /api/v1/benchmarks?…` ({queries.Count} different groups, {Connections} connections, no ETag): {open}");
        var revalidated = await LoadOpenDataAsync(anonymous, queries, TimeSpan.FromSeconds(seconds), useEtag: true);
        Console.WriteLine($"- The same calls sending the ETag back (304 while nothing changed): {revalidated}");

        var members = await MembersAsync(options.Options, records, 16);
        var dashboards = await SignInAsync(app.BaseAddress, members);
        await LoadOwnAsync(dashboards, TimeSpan.FromSeconds(3));
        var own = await LoadOwnAsync(dashboards, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"- Own dashboard data `GET /api/v1/benchmarks/me` ({dashboards.Count} organisations, {dashboards.Count} connections): {own}");

        var freshness = await FreshnessUnderLoadAsync(options.Options, app.BaseAddress, anonymous, queries, records);
        Console.WriteLine(Invariant($"- A new submission reflected in the open-data figures, while {Connections} connections load them: {string.Join(", ", freshness.Select(f => $"{f.TotalSeconds:0.00} s"))} (max {freshness.Max().TotalSeconds:0.00} s)."));
        Console.WriteLine(Invariant($"- Web process memory: {app.MemoryMiB:0} MiB at the end, peak sampled {peak.Stop():0} MiB."));
        foreach (var client in dashboards) client.Dispose();
        return open.Failures + own.Failures == 0 ? 0 : 1;
    }

    private static async Task<List<BenchmarkRecord>> RebuildAsync(DbContextOptions<WaypointDbContext> options)
    {
        List<BenchmarkRecord> records = [];
        for (var run = 1; run <= 3; run++)
        {
            await using var db = new WaypointDbContext(options);
            var watch = Stopwatch.StartNew();
            (records, _) = await BenchmarkLoader.LoadAllAsync(db, CancellationToken.None);
            var read = watch.Elapsed;
            var layout = new CubeLayout(records.Select(r => r.Round), records.Select(r => r.CountryCode),
                records.Where(r => r.Nuts2Code is not null).Select(r => r.Nuts2Code!));
            var cube = BenchmarkCube.Build(layout, records, 5);
            var total = watch.Elapsed;
            Console.WriteLine(Invariant($"- Rebuild of every aggregate from scratch, run {run}: {records.Count:N0} submitted assessments; reading {read.TotalSeconds:0.00} s, building {layout.CellCount:N0} groups × {BenchmarkMeasures.Count} measures with suppression {(total - read).TotalSeconds:0.00} s; total {total.TotalSeconds:0.00} s."));
            GC.KeepAlive(cube);
        }
        return records;
    }

    /// <summary>DuckDB computes count, the five quantiles and the mean of the same groups (the twelve groupings of
    /// place × type × band per round and measure) from a CSV of the entries.</summary>
    private static async Task DuckDbReferenceAsync(List<BenchmarkRecord> records)
    {
        var csv = Path.Combine(Path.GetTempPath(), $"waypoint-entries-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
            {
                await writer.WriteLineAsync("round,country,nuts2,type,band,measure,score");
                foreach (var r in records)
                {
                    for (var m = 0; m < BenchmarkMeasures.Count; m++)
                    {
                        if (float.IsNaN(r.Scores[m])) continue;
                        await writer.WriteLineAsync(Invariant($"{r.Round},{r.CountryCode},{r.Nuts2Code},{r.AuthorityType},{r.PopulationBand},{BenchmarkMeasures.Keys[m]},{r.Scores[m]}"));
                    }
                }
            }
            var ours = Stopwatch.StartNew();
            var layout = new CubeLayout(records.Select(r => r.Round), records.Select(r => r.CountryCode),
                records.Where(r => r.Nuts2Code is not null).Select(r => r.Nuts2Code!));
            _ = BenchmarkCube.Build(layout, records, 5);
            ours.Stop();

            using var duck = new DuckDBConnection("DataSource=:memory:");
            duck.Open();
            var load = Stopwatch.StartNew();
            Execute(duck, $"CREATE TABLE entries AS SELECT * FROM read_csv('{csv}', header = true, nullstr = '')");
            load.Stop();
            var sets = string.Join(", ", new[] { "", "country", "nuts2" }.SelectMany(place =>
                new[] { "", "type", "band", "type, band" }.Select(rest =>
                    "(" + string.Join(", ", new[] { "round", "measure", place, rest }.Where(s => s.Length > 0)) + ")")));
            var compute = Stopwatch.StartNew();
            var groups = Execute(duck, $"""
                CREATE TABLE stats AS
                SELECT round, measure, country, nuts2, type, band, count(*) AS n,
                       quantile_cont(score, [0.1, 0.25, 0.5, 0.75, 0.9]) AS q, avg(score) AS mean
                FROM entries GROUP BY GROUPING SETS ({sets})
                """);
            compute.Stop();
            using var count = duck.CreateCommand();
            count.CommandText = "SELECT count(*) FROM stats";
            var rows = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            Console.WriteLine(Invariant($"- DuckDB reference (in-process, same machine): loading the {new FileInfo(csv).Length / 1024.0 / 1024.0:0} MB CSV {load.Elapsed.TotalSeconds:0.00} s, computing {rows:N0} group × measure quantile rows {compute.Elapsed.TotalSeconds:0.00} s (total {(load.Elapsed + compute.Elapsed).TotalSeconds:0.00} s). Our cube build from the records in memory: {ours.Elapsed.TotalSeconds:0.00} s, ratio ours / DuckDB compute {ours.Elapsed / compute.Elapsed:0.00}."));
            GC.KeepAlive(groups);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static int Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private static List<string> OpenDataQueries(List<BenchmarkRecord> records)
    {
        var random = new Random(42);
        var rounds = records.Select(r => r.Round).Distinct().Order().ToArray();
        var countries = records.Select(r => r.CountryCode).Distinct().Order().ToArray();
        var regions = records.Where(r => r.Nuts2Code is not null).Select(r => r.Nuts2Code!).Distinct().Order().ToArray();
        string[] types = ["", "Municipality", "Region", "MemberState"];
        string[] bands = ["", .. Enum.GetNames<PopulationBand>()];
        string[] topics = ["", .. BenchmarkMeasures.Keys];
        return [.. Enumerable.Range(0, 500).Select(_ =>
        {
            var query = new StringBuilder(Invariant($"/api/v1/benchmarks?round={rounds[random.Next(rounds.Length)]}"));
            switch (random.Next(3))
            {
                case 1: query.Append("&country=").Append(countries[random.Next(countries.Length)]); break;
                case 2: query.Append("&nuts2=").Append(regions[random.Next(regions.Length)]); break;
            }
            if (types[random.Next(types.Length)] is { Length: > 0 } type) query.Append("&type=").Append(type);
            if (bands[random.Next(bands.Length)] is { Length: > 0 } band) query.Append("&band=").Append(band);
            if (topics[random.Next(topics.Length)] is { Length: > 0 } topic) query.Append("&topic=").Append(topic);
            return query.ToString();
        })];
    }

    private static async Task<LoadResult> LoadOpenDataAsync(ClientSet clients, List<string> queries, TimeSpan duration, bool useEtag)
    {
        var etags = new System.Collections.Concurrent.ConcurrentDictionary<string, EntityTagHeaderValue>();
        return await HttpLoad.RunAsync(w => clients[w], (w, i) =>
        {
            var url = queries[((w * 7919) + i) % queries.Count];
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (useEtag && etags.TryGetValue(url, out var tag)) request.Headers.IfNoneMatch.Add(tag);
            request.Options.Set(UrlKey, url);
            return request;
        }, Connections, MaxRequestsPerWorker, duration, response =>
        {
            if (useEtag && response.Headers.ETag is { } tag && response.RequestMessage?.Options.TryGetValue(UrlKey, out var url) == true)
                etags[url] = tag;
            return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified;
        });
    }

    private static readonly HttpRequestOptionsKey<string> UrlKey = new("url");

    private static Task<LoadResult> LoadOwnAsync(List<HttpClient> clients, TimeSpan duration) =>
        HttpLoad.RunAsync(w => clients[w], (w, _) => new HttpRequestMessage(HttpMethod.Get, "/api/v1/benchmarks/me"),
            clients.Count, MaxRequestsPerWorker, duration);

    /// <summary>Five times: while the open-data load runs, a new organisation submits in the latest round (written as
    /// a submission writes it), and the time until the open-data figures of its country count it is measured.</summary>
    private static async Task<List<TimeSpan>> FreshnessUnderLoadAsync(DbContextOptions<WaypointDbContext> options, Uri baseAddress, ClientSet clients,
        List<string> queries, List<BenchmarkRecord> records)
    {
        var latest = records.Max(r => r.Round);
        using var stop = new CancellationTokenSource();
        var load = LoadOpenDataAsync(clients, queries, TimeSpan.FromSeconds(30), useEtag: false);
        var results = new List<TimeSpan>();
        using var probe = new HttpClient { BaseAddress = baseAddress };
        for (var i = 0; i < 5; i++)
        {
            await using var db = new WaypointDbContext(options);
            // A municipality of its own, so that the probe never depends on which authorities are still free.
            var suffix = Guid.NewGuid().ToString("N")[..10];
            var authority = new Waypoint.Data.Authorities.Authority
            {
                Code = "BENCH_" + suffix,
                Type = Waypoint.Data.Authorities.AuthorityType.Municipality,
                Name = "Benchville " + suffix,
                SearchName = "benchville " + suffix,
                CountryCode = "AT",
            };
            db.Authorities.Add(authority);
            await db.SaveChangesAsync();
            var url = $"/api/v1/benchmarks?round={latest}&country={authority.CountryCode}&topic=overall";
            var before = await CountAsync(probe, url);
            var now = DateTimeOffset.UtcNow;
            var organisation = new Organisation { Id = Guid.NewGuid(), AuthorityId = authority.Id, CreatedAt = now, IsSynthetic = true };
            var assessment = new Assessment
            {
                Id = Guid.NewGuid(),
                OrganisationId = organisation.Id,
                Round = latest,
                QuestionnaireVersion = "1.0",
                Status = AssessmentStatus.Submitted,
                CreatedAt = now,
                CreatedById = "bench",
                SubmittedAt = now,
                SubmittedById = "bench",
                UpdatedAt = now,
            };
            db.Organisations.Add(organisation);
            db.Assessments.Add(assessment);
            db.BenchmarkEntries.Add(new BenchmarkEntry
            {
                AssessmentId = assessment.Id,
                OrganisationId = organisation.Id,
                AuthorityId = authority.Id,
                Round = latest,
                QuestionnaireVersion = "1.0",
                CountryCode = authority.CountryCode,
                Nuts2Code = PopulationBands.Nuts2Of(authority.NutsCode),
                AuthorityType = authority.Type,
                PopulationBand = PopulationBands.For(authority.Population),
                Overall = 50,
                IsSynthetic = true,
                SubmittedAt = now,
                RecordedAt = now,
            });
            await db.SaveChangesAsync();
            var watch = Stopwatch.StartNew();
            while (await CountAsync(probe, url) <= before && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
            results.Add(watch.Elapsed);
        }
        await load;
        return results;
    }

    private static async Task<int> CountAsync(HttpClient client, string url)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(url);
        var count = body.GetProperty("measures")[0].GetProperty("count");
        return count.ValueKind == JsonValueKind.Number ? count.GetInt32() : -1;
    }

    /// <summary>One member (an admin) for each of <paramref name="count"/> synthetic organisations of the latest round.</summary>
    private static async Task<List<WaypointUser>> MembersAsync(DbContextOptions<WaypointDbContext> options, List<BenchmarkRecord> records, int count)
    {
        await using var db = new WaypointDbContext(options);
        var latest = records.Max(r => r.Round);
        var random = new Random(7);
        var organisations = records.Where(r => r.Round == latest).OrderBy(_ => random.Next()).Take(count).Select(r => r.OrganisationId).ToList();
        var hasher = new PasswordHasher<WaypointUser>();
        var users = new List<WaypointUser>();
        var now = DateTimeOffset.UtcNow;
        foreach (var organisation in organisations)
        {
            var email = $"bench-{Guid.NewGuid():N}@example.eu";
            var user = new WaypointUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = "Bench",
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            db.OrganisationMemberships.Add(new OrganisationMembership { OrganisationId = organisation, UserId = user.Id, Role = OrganisationRole.Admin, JoinedAt = now });
            users.Add(user);
        }
        await db.SaveChangesAsync();
        return users;
    }

    private static async Task<List<HttpClient>> SignInAsync(Uri baseAddress, List<WaypointUser> users)
    {
        var clients = new List<HttpClient>();
        foreach (var user in users)
        {
            var client = new HttpClient { BaseAddress = baseAddress };
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = Password });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            clients.Add(client);
        }
        return clients;
    }

    private static ClientSet Clients(Uri baseAddress, int count) => new([.. Enumerable.Range(0, count).Select(_ => new HttpClient { BaseAddress = baseAddress })]);

    private sealed class ClientSet(HttpClient[] clients) : IDisposable
    {
        public HttpClient this[int index] => clients[index];

        public void Dispose()
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>Samples the web process's working set every 200 ms, keeping the highest.</summary>
    private sealed class PeakMemory
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private double _peak;

        public PeakMemory(AppProcess app)
        {
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _peak = Math.Max(_peak, app.MemoryMiB);
                    try { await Task.Delay(200, _stop.Token); } catch (OperationCanceledException) { break; }
                }
            });
        }

        public double Stop()
        {
            _stop.Cancel();
            _sampling.Wait();
            _stop.Dispose();
            return _peak;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

}
