using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Waypoint.Data;
using Waypoint.Data.Accounts;
using Waypoint.Data.Assessments;
using Waypoint.Data.Authorities;
using Waypoint.Data.Organisations;

namespace Waypoint.Benchmarks.Load;

/// <summary>
/// <c>answers --provider Sqlite|Postgres</c>: saving one answer through HTTP with 50 concurrent clients, then the
/// results page. The application runs as its own process on 127.0.0.1, on a database made for the run (a temporary
/// SQLite file, or a new PostgreSQL database that is dropped afterwards). Ten organisations each have five
/// contributors answering their organisation's assessment at once, each on questions of their own, each write naming
/// the version it last saw. Afterwards the database is read to check that no answer was lost or duplicated: every
/// answer holds its last accepted level, its version counts every accepted write, and each assessment's version
/// counts every accepted write to it.
/// </summary>
internal static class AnswerLoad
{
    private const int Organisations = 10;
    private const int ClientsPerOrganisation = 5;
    private const int Clients = Organisations * ClientsPerOrganisation;
    private const string Password = "benchmark-password-42";

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = CommandLine.Option(args, "--provider") ?? "Sqlite";
        var requestsPerClient = int.Parse(CommandLine.Option(args, "--requests") ?? "200", CultureInfo.InvariantCulture);
        // 0: every client sends its next answer as soon as the previous one is saved (saturation). A pause of n ms
        // between a client's answers models people (or a script that paces itself) instead.
        var pauses = (CommandLine.Option(args, "--pause") ?? "0,100").Split(',').Select(p => TimeSpan.FromMilliseconds(int.Parse(p, CultureInfo.InvariantCulture))).ToArray();
        var isPostgres = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        var (connectionString, cleanUp) = isPostgres ? await CreatePostgresDatabaseAsync(args) : CreateSqliteFile();
        try
        {
            Console.WriteLine($"answers: {Clients} clients x {requestsPerClient} answers on {(isPostgres ? "PostgreSQL" : "SQLite")}; starting the application...");
            await using var app = await AppProcess.StartAsync(isPostgres ? "Postgres" : "Sqlite", connectionString,
                new Dictionary<string, string> { ["RateLimits__AuthPerMinute"] = "100000" });

            var options = new DbContextOptionsBuilder<WaypointDbContext>();
            DataRegistration.Configure(options, isPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString, AppContext.BaseDirectory);
            var users = await ArrangeAsync(options.Options);
            var clients = await SignInAsync(app.BaseAddress, users);
            var assessments = await StartAssessmentsAsync(clients);
            var keys = await QuestionKeysAsync(clients[0]);

            var plan = new ClientPlan[Clients];
            for (var c = 0; c < Clients; c++)
            {
                var organisation = c / ClientsPerOrganisation;
                var mine = keys.Where((_, i) => i % ClientsPerOrganisation == c % ClientsPerOrganisation).ToArray();
                plan[c] = new ClientPlan(assessments[organisation], mine);
            }

            // Warm-up (JIT, connection pools), on the same plan, not measured.
            await RunPhaseAsync(clients, plan, 5, TimeSpan.Zero);
            var failures = 0;
            var allChecked = true;
            foreach (var pause in pauses)
            {
                var initialVersions = await AssessmentVersionsAsync(options.Options, assessments);
                foreach (var p in plan) p.ResetCounts();
                var result = await RunPhaseAsync(clients, plan, requestsPerClient, pause);
                Console.WriteLine($"Saving one answer (PUT /api/v1/assessments/{{id}}/answers/{{key}}), {Clients} concurrent clients, " +
                                  (pause == TimeSpan.Zero ? "each sending the next answer as soon as one is saved:" : $"each pausing {pause.TotalMilliseconds:0} ms between answers:"));
                Console.WriteLine("  " + result);
                var check = await CheckStoredAsync(options.Options, plan, initialVersions);
                Console.WriteLine("  " + check);
                failures += result.Failures;
                allChecked &= check.Ok;
            }

            // The results page of a complete assessment, 10 readers at once.
            var first = plan[0].AssessmentId;
            var readers = Enumerable.Range(0, 10).Select(i => clients[i * ClientsPerOrganisation]).ToArray();
            var readerAssessments = Enumerable.Range(0, 10).Select(i => assessments[i]).ToArray();
            await HttpLoad.RunAsync(w => readers[w], (w, _) => new HttpRequestMessage(HttpMethod.Get, $"/assessments/{readerAssessments[w]}/results"),
                10, 5, TimeSpan.FromMinutes(1));
            var page = await HttpLoad.RunAsync(w => readers[w], (w, _) => new HttpRequestMessage(HttpMethod.Get, $"/assessments/{readerAssessments[w]}/results"),
                10, 100, TimeSpan.FromMinutes(3));
            Console.WriteLine("Results page (GET /assessments/{id}/results, HTML), 10 concurrent readers:");
            Console.WriteLine("  " + page);
            var api = await HttpLoad.RunAsync(w => readers[w], (w, _) => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assessments/{readerAssessments[w]}/results"),
                10, 100, TimeSpan.FromMinutes(3));
            Console.WriteLine("Results API (GET /api/v1/assessments/{id}/results), 10 concurrent readers:");
            Console.WriteLine("  " + api);
            Console.WriteLine($"  (assessment {first} and nine others; web process working set {app.MemoryMiB:0} MiB)");

            foreach (var client in clients) client.Dispose();
            return allChecked && failures == 0 && page.Failures == 0 ? 0 : 1;
        }
        finally
        {
            await cleanUp();
        }
    }

    /// <summary>One client's assessment, its questions, and what it wrote: the version it last saw and the level it
    /// last saved per question, and how many writes were accepted.</summary>
    private sealed class ClientPlan(Guid assessmentId, string[] keys)
    {
        public Guid AssessmentId { get; } = assessmentId;
        public string[] Keys { get; } = keys;
        public ConcurrentDictionary<string, int> Versions { get; } = new();
        public ConcurrentDictionary<string, int> Levels { get; } = new();
        public ConcurrentDictionary<string, int> Accepted { get; } = new();

        public void ResetCounts() => Accepted.Clear();
    }

    private static async Task<LoadResult> RunPhaseAsync(HttpClient[] clients, ClientPlan[] plan, int requestsPerClient, TimeSpan pause)
    {
        return await HttpLoad.RunAsync(
            w => clients[w],
            (w, i) =>
            {
                var p = plan[w];
                var key = p.Keys[i % p.Keys.Length];
                var level = 1 + ((w + i) % 5);
                var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{p.AssessmentId}/answers/{key}")
                {
                    Content = JsonContent.Create(new { level, version = p.Versions.GetValueOrDefault(key) }),
                };
                request.Options.Set(WriteKey, (w, key, level));
                return request;
            },
            Clients, requestsPerClient, TimeSpan.FromMinutes(5),
            response =>
            {
                if (response.StatusCode != HttpStatusCode.OK) return false;
                // The content is already buffered: read the new version, which the next write of this question names.
                if (!response.RequestMessage!.Options.TryGetValue(WriteKey, out var write)) return false;
                using var json = JsonDocument.Parse(response.Content.ReadAsStream());
                var p = plan[write.Worker];
                p.Versions[write.Key] = json.RootElement.GetProperty("version").GetInt32();
                p.Levels[write.Key] = write.Level;
                p.Accepted.AddOrUpdate(write.Key, 1, (_, n) => n + 1);
                return true;
            },
            pause);
    }

    private static readonly HttpRequestOptionsKey<(int Worker, string Key, int Level)> WriteKey = new("write");

    private sealed record StoredCheck(bool Ok, int Answers, int Problems, string Detail)
    {
        public override string ToString() => Ok
            ? $"database check: {Answers} answers, none lost or duplicated; every version and assessment version counts every accepted write"
            : $"database check FAILED: {Problems} problem(s): {Detail}";
    }

    private static async Task<StoredCheck> CheckStoredAsync(DbContextOptions<WaypointDbContext> options, ClientPlan[] plan, Dictionary<Guid, int> initialVersions)
    {
        await using var db = new WaypointDbContext(options);
        var ids = plan.Select(p => p.AssessmentId).Distinct().ToList();
        var answers = await db.Answers.AsNoTracking().Where(a => ids.Contains(a.AssessmentId)).ToListAsync();
        var versions = await AssessmentVersionsAsync(options, ids);
        var problems = new List<string>();
        var byKey = answers.GroupBy(a => (a.AssessmentId, a.QuestionKey)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var p in plan)
        {
            foreach (var key in p.Keys)
            {
                if (!byKey.TryGetValue((p.AssessmentId, key), out var rows)) { problems.Add($"{key} missing"); continue; }
                if (rows.Count != 1) problems.Add($"{key} stored {rows.Count} times");
                var row = rows[0];
                if (row.Level != p.Levels[key]) problems.Add($"{key}: level {row.Level}, last accepted {p.Levels[key]}");
                if (row.Version != p.Versions[key]) problems.Add($"{key}: version {row.Version}, client saw {p.Versions[key]}");
            }
        }
        foreach (var id in ids)
        {
            var accepted = plan.Where(p => p.AssessmentId == id).Sum(p => p.Accepted.Values.Sum());
            if (versions[id] != initialVersions[id] + accepted)
                problems.Add($"assessment {id}: version moved {versions[id] - initialVersions[id]}, accepted writes {accepted}");
        }
        return new StoredCheck(problems.Count == 0, answers.Count, problems.Count, string.Join("; ", problems.Take(10)));
    }

    private static async Task<Dictionary<Guid, int>> AssessmentVersionsAsync(DbContextOptions<WaypointDbContext> options, IEnumerable<Guid> ids)
    {
        await using var db = new WaypointDbContext(options);
        var list = ids.ToList();
        return await db.Assessments.AsNoTracking().Where(a => list.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Version);
    }

    /// <summary>Ten organisations, each with five contributors (the first an admin), made directly in the database.</summary>
    private static async Task<List<(Guid Organisation, WaypointUser User)>> ArrangeAsync(DbContextOptions<WaypointDbContext> options)
    {
        await using var db = new WaypointDbContext(options);
        var hasher = new PasswordHasher<WaypointUser>();
        var users = new List<(Guid, WaypointUser)>();
        var now = DateTimeOffset.UtcNow;
        for (var o = 0; o < Organisations; o++)
        {
            var suffix = Guid.NewGuid().ToString("N")[..10];
            var authority = new Authority { Code = "BENCH_" + suffix, Type = AuthorityType.Municipality, Name = "Benchville " + suffix, SearchName = "benchville " + suffix, CountryCode = "DE" };
            var organisation = new Organisation { Id = Guid.NewGuid(), Authority = authority, CreatedAt = now };
            for (var u = 0; u < ClientsPerOrganisation; u++)
            {
                var email = $"bench-{suffix}-{u}@example.eu";
                var user = new WaypointUser
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    DisplayName = $"Bench {o}-{u}",
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    CreatedAt = now,
                };
                user.PasswordHash = hasher.HashPassword(user, Password);
                db.Users.Add(user);
                organisation.Members.Add(new OrganisationMembership
                {
                    UserId = user.Id,
                    Role = u == 0 ? OrganisationRole.Admin : OrganisationRole.Contributor,
                    JoinedAt = now,
                });
                users.Add((organisation.Id, user));
            }
            db.Organisations.Add(organisation);
        }
        await db.SaveChangesAsync();
        return users;
    }

    private static async Task<HttpClient[]> SignInAsync(Uri baseAddress, List<(Guid Organisation, WaypointUser User)> users)
    {
        var clients = new HttpClient[users.Count];
        for (var i = 0; i < users.Count; i++)
        {
            var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baseAddress };
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = users[i].User.Email, password = Password });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            clients[i] = client;
        }
        return clients;
    }

    private static async Task<Guid[]> StartAssessmentsAsync(HttpClient[] clients)
    {
        var ids = new Guid[Organisations];
        for (var o = 0; o < Organisations; o++)
        {
            var admin = clients[o * ClientsPerOrganisation];
            var organisations = await admin.GetFromJsonAsync<JsonElement>("/api/v1/organisations");
            var organisationId = organisations[0].GetProperty("id").GetGuid();
            var response = await admin.PostAsJsonAsync("/api/v1/assessments", new { organisationId });
            response.EnsureSuccessStatusCode();
            ids[o] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        return ids;
    }

    private static async Task<string[]> QuestionKeysAsync(HttpClient client)
    {
        var questionnaire = await client.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/current");
        return [.. questionnaire.GetProperty("sections").EnumerateArray()
            .Where(s => s.GetProperty("kind").GetString() == "topic")
            .SelectMany(s => s.GetProperty("questions").EnumerateArray())
            .Select(q => q.GetProperty("key").GetString()!)];
    }

    private static (string, Func<Task>) CreateSqliteFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"waypoint-bench-{Environment.ProcessId}-{Stopwatch.GetTimestamp()}.db");
        Task DeleteAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
            return Task.CompletedTask;
        }
        return ($"Data Source={path}", DeleteAsync);
    }

    private static async Task<(string, Func<Task>)> CreatePostgresDatabaseAsync(string[] args)
    {
        var admin = CommandLine.Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("WAYPOINT_BENCH_POSTGRES")
            ?? "Host=127.0.0.1;Port=5432;Username=waypoint;Password=waypoint;Database=postgres";
        var name = $"waypoint_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        async Task DropAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await DirectoryBenchmark.DropPostgresDatabaseAsync(admin, name);
        }
        return (connectionString, DropAsync);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

}
