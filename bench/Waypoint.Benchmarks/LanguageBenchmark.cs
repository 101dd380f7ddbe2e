using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waypoint.Benchmarks.Load;
using Waypoint.Data;
using Waypoint.Data.Accounts;
using Waypoint.Data.Authorities;
using Waypoint.Data.Organisations;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Benchmarks;

/// <summary>
/// <c>languages [--rounds 300]</c>: does reading Waypoint in another language cost server time? Starts the application
/// (Release build, Production, a temporary SQLite database with the full directory) on 127.0.0.1 and requests the
/// same pages in English (no prefix) and in Maltese (<c>/mt/</c>): the home page, a directory search, an authority's
/// card and, for a signed-in member, a topic page of the questionnaire. One client, one request at a time, the two
/// languages alternating (and which goes first alternating too) so that the machine's other work falls on both alike;
/// the server time is read from <c>Server-Timing</c>. Before that, it measures what the interface translations take:
/// the time, the bytes allocated and the memory kept by loading every PO file as the application does once at start.
/// Prints Markdown for docs/benchmarks.md.
/// </summary>
internal static class LanguageBenchmark
{
    private const string Password = "benchmark-password-42";
    private static readonly string[] Languages = ["en", "mt"];

    private sealed record PageToTime(string Label, string Path, bool SignedIn);

    public static async Task<int> RunAsync(string[] args)
    {
        var c = CultureInfo.InvariantCulture;
        var rounds = int.Parse(CommandLine.Option(args, "--rounds") ?? "300", c);
        var loadBefore = LoadAverage();

        Console.WriteLine("### Interface translations in memory");
        Console.WriteLine();
        ReportCatalogue();
        Console.WriteLine();

        var path = Path.Combine(Path.GetTempPath(), $"waypoint-bench-languages-{Environment.ProcessId}.db");
        try
        {
            var connectionString = $"Data Source={path}";
            Console.Error.WriteLine("Starting the application (the first start imports the directory)...");
            await using var app = await AppProcess.StartAsync("Sqlite", connectionString);
            var options = new DbContextOptionsBuilder<WaypointDbContext>();
            DataRegistration.Configure(options, DatabaseProvider.Sqlite, connectionString, AppContext.BaseDirectory);

            var (member, authorityId) = await ArrangeAsync(options.Options);
            using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
            using var signedIn = await SignInAsync(app.BaseAddress, member);
            var assessmentId = await StartAssessmentAsync(signedIn);
            PageToTime[] pages =
            [
                new("home", "/", false),
                new("directory search", "/authorities?q=berg", false),
                new("authority card", $"/authorities/{authorityId}", false),
                new("questionnaire topic (signed in)", $"/assessments/{assessmentId}/topics/governance", true),
            ];

            // Each page answers in the language asked for.
            foreach (var page in pages)
            {
                foreach (var language in Languages)
                {
                    var html = await (page.SignedIn ? signedIn : anonymous).GetStringAsync(Address(language, page.Path));
                    if (!html.Contains($"<html lang=\"{language}\"", StringComparison.Ordinal))
                        throw new InvalidOperationException($"{Address(language, page.Path)} did not answer in '{language}'.");
                }
            }

            var samples = pages.ToDictionary(p => p, _ => Languages.ToDictionary(l => l, _ => new List<double>()));
            var failures = 0;
            const int warmUp = 20;
            for (var round = 0; round < warmUp + rounds; round++)
            {
                foreach (var page in pages)
                {
                    var order = round % 2 == 0 ? Languages : [.. Languages.Reverse()];
                    foreach (var language in order)
                    {
                        using var response = await (page.SignedIn ? signedIn : anonymous).GetAsync(Address(language, page.Path));
                        await response.Content.LoadIntoBufferAsync();
                        if (!response.IsSuccessStatusCode) failures++;
                        if (round >= warmUp && HttpLoad.ServerMilliseconds(response) is { } ms) samples[page][language].Add(ms);
                    }
                }
            }

            Console.WriteLine("### Server time in English and in Maltese");
            Console.WriteLine();
            Console.WriteLine(string.Create(c, $"{rounds} requests per page and language after {warmUp} warm-up rounds, one client, languages alternating; server time from Server-Timing, ms. {failures} failed."));
            Console.WriteLine();
            Console.WriteLine("| page | en p50 | en p95 | mt p50 | mt p95 | mt − en p50 | mt − en p95 |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var page in pages)
            {
                Row(page.Label, samples[page]["en"], samples[page]["mt"]);
            }
            Row("all pages", [.. samples.Values.SelectMany(s => s["en"])], [.. samples.Values.SelectMany(s => s["mt"])]);
            Console.WriteLine();
            Console.WriteLine(string.Create(c, $"Web process working set at the end: {app.MemoryMiB:0} MiB."));
            Console.WriteLine($"Load average (1, 5, 15 min) before: {loadBefore}; after: {LoadAverage()}.");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
    }

    private static string Address(string language, string path) => language == "en" ? path : "/" + language + path;

    private static void Row(string label, List<double> en, List<double> mt)
    {
        var (en50, en95) = (Percentile(en, 0.50), Percentile(en, 0.95));
        var (mt50, mt95) = (Percentile(mt, 0.50), Percentile(mt, 0.95));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {en50:0.00} | {en95:0.00} | {mt50:0.00} | {mt95:0.00} | {mt50 - en50:+0.00;−0.00;0.00} | {mt95 - en95:+0.00;−0.00;0.00} |"));
    }

    /// <summary>The catalogue being measured, held by a static field so that nothing else decides how long it lives.</summary>
    private static TranslationCatalog? _kept;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TranslationCatalog Load(string directory) => new(directory);

    /// <summary>Loads every PO file as <see cref="TranslationCatalog"/> does at start, several times: the first load
    /// pays for JIT and the file cache; the figures are of the last one.</summary>
    private static void ReportCatalogue()
    {
        var c = CultureInfo.InvariantCulture;
        var directory = Path.Combine(AppContext.BaseDirectory, "Localization", "Translations");
        var files = Directory.GetFiles(directory, "*.po");
        var onDisk = files.Sum(f => new FileInfo(f).Length);
        long retained = 0, allocated = 0;
        var elapsed = TimeSpan.Zero;
        for (var i = 0; i < 5; i++)
        {
            _kept = null;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            _kept = Load(directory);
            stopwatch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            retained = GC.GetTotalMemory(forceFullCollection: true) - before;
            elapsed = stopwatch.Elapsed;
        }
        var catalog = _kept!;
        var languages = catalog.LoadedLanguages.Count();
        var strings = catalog.LoadedLanguages.Sum(l => catalog.StringsOf(l).Count);
        Console.WriteLine(string.Create(c, $"- PO files: {files.Length} languages, {onDisk / 1024.0 / 1024.0:0.00} MiB on disk; {strings:N0} translated strings loaded ({languages} languages with at least one)"));
        Console.WriteLine(string.Create(c, $"- Loading them all (as at start): {elapsed.TotalMilliseconds:0} ms, {allocated / 1024.0 / 1024.0:0.0} MiB allocated"));
        Console.WriteLine(string.Create(c, $"- Memory the loaded catalogue keeps (managed heap after a full collection, with it minus without it): {retained / 1024.0 / 1024.0:0.0} MiB"));
    }

    /// <summary>A member of an organisation of a real municipality (Malmö), made directly in the database, and that
    /// municipality's id for its card.</summary>
    private static async Task<(string Email, int AuthorityId)> ArrangeAsync(DbContextOptions<WaypointDbContext> options)
    {
        await using var db = new WaypointDbContext(options);
        var authority = await db.Authorities.SingleAsync(a => a.Code == "SE_1280");
        var now = DateTimeOffset.UtcNow;
        var email = $"bench-languages-{Guid.NewGuid():N}@example.eu";
        var user = new WaypointUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = "Bench member",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = now,
        };
        user.PasswordHash = new PasswordHasher<WaypointUser>().HashPassword(user, Password);
        db.Users.Add(user);
        var organisation = new Organisation { Id = Guid.NewGuid(), AuthorityId = authority.Id, CreatedAt = now };
        organisation.Members.Add(new OrganisationMembership { UserId = user.Id, Role = OrganisationRole.Admin, JoinedAt = now });
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return (email, authority.Id);
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string email)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>This year's assessment of the member's organisation, with three answers on the timed topic page.</summary>
    private static async Task<Guid> StartAssessmentAsync(HttpClient member)
    {
        var organisations = await member.GetFromJsonAsync<JsonElement>("/api/v1/organisations");
        var organisationId = organisations[0].GetProperty("id").GetGuid();
        var started = await member.PostAsJsonAsync("/api/v1/assessments", new { organisationId });
        started.EnsureSuccessStatusCode();
        var assessment = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = assessment.GetProperty("id").GetGuid();
        var questionnaire = await member.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/current");
        var keys = questionnaire.GetProperty("sections").EnumerateArray()
            .Where(s => s.GetProperty("key").GetString() == "governance")
            .SelectMany(s => s.GetProperty("questions").EnumerateArray())
            .Select(q => q.GetProperty("key").GetString()!)
            .Take(3);
        foreach (var key in keys)
        {
            (await member.PutAsJsonAsync($"/api/v1/assessments/{id}/answers/{key}", new { level = 3, note = "Agreed by the board.", version = 0 })).EnsureSuccessStatusCode();
        }
        return id;
    }

    private static double Percentile(List<double> samples, double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

}
