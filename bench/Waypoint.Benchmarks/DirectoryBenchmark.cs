using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Waypoint.Data;
using Waypoint.Data.Authorities;
using Waypoint.Features.Authorities;
using Waypoint.Features.Authorities.Import;

namespace Waypoint.Benchmarks;

/// <summary>
/// <c>directory --provider Sqlite|Postgres [--rounds N]</c>: creates a fresh database (a temporary SQLite file, or a
/// new PostgreSQL database through <c>WAYPOINT_BENCH_POSTGRES</c>, by default the local development server on
/// 127.0.0.1), migrates it, times the first import of the directory and a second, skipped one, then times the
/// search service in-process over a set of realistic queries, and drops the database. Prints Markdown for
/// docs/benchmarks.md.
/// </summary>
internal static class DirectoryBenchmark
{
    private sealed record Query(string Label, string Text, string? Country = null, AuthorityType? Type = null, int Page = 1);

    /// <summary>What people type: names letter by letter, with and without accents, in several scripts, short
    /// prefixes that match tens of thousands of names, substrings, filters, later pages, and no match.</summary>
    private static readonly Query[] Queries =
    [
        new("prefix", "m"), new("prefix", "mu"), new("prefix", "mun"), new("prefix", "munc"), new("prefix", "munch"),
        new("accent", "munchen"), new("accent", "München"), new("accent", "malmo"), new("accent", "Malmö"),
        new("accent", "sao"), new("accent", "são joão"), new("accent", "lodz"), new("accent", "Łódź"),
        new("accent", "kobenhavn"), new("accent", "København"), new("accent", "goteborg"), new("accent", "wroclaw"),
        new("prefix", "a"), new("prefix", "sa"), new("prefix", "sai"), new("prefix", "saint"), new("prefix", "st"),
        new("prefix", "par"), new("prefix", "paris"), new("prefix", "wien"), new("prefix", "dublin"), new("prefix", "bruxelles"),
        new("substring", "dorf"), new("substring", "berg"), new("substring", "ville"), new("substring", "heim"),
        new("script", "αθηνα"), new("script", "Αθήνα"), new("script", "софия"), new("script", "пловдив"),
        new("filter", "saint", "FR"), new("filter", "san", "ES", AuthorityType.Municipality), new("filter", "", "DE", AuthorityType.Region),
        new("filter", "", null, AuthorityType.MemberState), new("filter", "berg", "AT"), new("filter", "a", "IT"),
        new("filter", "", "FR"), new("filter", "bad", "DE", AuthorityType.Municipality), new("filter", "", null, AuthorityType.Region),
        new("page", "saint", null, null, 2), new("page", "saint", null, null, 30), new("page", "", null, null, 1),
        new("page", "", null, null, 500), new("page", "a", null, null, 100),
        new("none", "xyzzy"), new("none", "qqqqqqqqqq"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Enum.Parse<DatabaseProvider>(CommandLine.Option(args, "--provider") ?? "Sqlite", ignoreCase: true);
        var rounds = int.Parse(CommandLine.Option(args, "--rounds") ?? "20", CultureInfo.InvariantCulture);
        var loadBefore = LoadAverage();
        var (connectionString, drop) = await CreateDatabaseAsync(provider);
        try
        {
            var builder = new DbContextOptionsBuilder<WaypointDbContext>();
            DataRegistration.Configure(builder, provider, connectionString, AppContext.BaseDirectory);
            if (CommandLine.Flag(args, "--sql"))
            {
                builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
            }
            var options = builder.Options;

            var migrate = Stopwatch.StartNew();
            await using (var db = new WaypointDbContext(options)) await db.Database.MigrateAsync();
            migrate.Stop();

            var import = new AuthorityImport(
                Options.Create(new ReferenceDataOptions { Directory = Path.Combine(AppContext.BaseDirectory, "ReferenceData") }),
                NullLogger<AuthorityImport>.Instance);
            ImportOutcome first, second;
            await using (var db = new WaypointDbContext(options)) first = await import.ImportAsync(db, CancellationToken.None);
            await using (var db = new WaypointDbContext(options)) second = await import.ImportAsync(db, CancellationToken.None);

            // As in the application: a pool of contexts, one per request.
            var pool = new PooledDbContextFactory<WaypointDbContext>(options);
            var timings = new List<(Query Query, double Milliseconds, int Total)>();
            for (var round = -1; round < rounds; round++)
            {
                foreach (var query in Queries)
                {
                    await using var db = await pool.CreateDbContextAsync();
                    var directory = new AuthorityDirectory(db);
                    var stopwatch = Stopwatch.StartNew();
                    var results = await directory.SearchAsync(new AuthoritySearch(query.Text, query.Country, query.Type, query.Page), CancellationToken.None);
                    stopwatch.Stop();
                    if (round >= 0) timings.Add((query, stopwatch.Elapsed.TotalMilliseconds, results.Total)); // round -1 warms up
                }
            }

            Report(provider, rounds, migrate.Elapsed, first, second, timings);
            Console.WriteLine();
            Console.WriteLine($"Load average (1, 5, 15 min) before: {loadBefore}; after: {LoadAverage()}.");
            return 0;
        }
        finally
        {
            await drop();
        }
    }

    private static void Report(DatabaseProvider provider, int rounds, TimeSpan migrate, ImportOutcome first, ImportOutcome second,
        List<(Query Query, double Milliseconds, int Total)> timings)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"### Directory on {provider}"));
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"- Migrations on an empty database: {migrate.TotalSeconds:0.0} s"));
        Console.WriteLine(string.Create(c, $"- First import: {first.Inserted:N0} authorities inserted in {first.Elapsed.TotalSeconds:0.0} s"));
        Console.WriteLine(string.Create(c, $"- Second start (files unchanged, import skipped): {second.Elapsed.TotalMilliseconds:0} ms"));
        Console.WriteLine(string.Create(c, $"- Search, in-process around AuthorityDirectory.SearchAsync (count + page of 20), {Queries.Length} queries × {rounds} rounds after one warm-up round:"));
        Console.WriteLine();
        Console.WriteLine("| queries | n | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var group in timings.GroupBy(t => t.Query.Label).Append(timings.GroupBy(_ => "all").Single()))
        {
            var sorted = group.Select(t => t.Milliseconds).Order().ToArray();
            Console.WriteLine(string.Create(c, $"| {group.Key} | {sorted.Length} | {Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.95):0.0} | {sorted[^1]:0.0} |"));
        }
        Console.WriteLine();
        Console.WriteLine("Slowest queries (median of their rounds):");
        Console.WriteLine();
        foreach (var slow in timings.GroupBy(t => t.Query)
                     .Select(g => (g.Key, Median: Percentile(g.Select(t => t.Milliseconds).Order().ToArray(), 0.5), g.First().Total))
                     .OrderByDescending(x => x.Median).Take(5))
        {
            var q = slow.Key;
            Console.WriteLine(string.Create(c,
                $"- `q={q.Text}{(q.Country is null ? "" : " country=" + q.Country)}{(q.Type is null ? "" : " type=" + ApiNames.Of(q.Type.Value))}{(q.Page == 1 ? "" : " page=" + q.Page)}`: {slow.Median:0.0} ms ({slow.Total:N0} matches)"));
        }
    }

    /// <summary>The machine is shared: its load says how much the figures owe to other work.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    internal static async Task<(string ConnectionString, Func<Task> Drop)> CreateDatabaseAsync(DatabaseProvider provider)
    {
        var name = $"waypoint_bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
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
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return (connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await DropPostgresDatabaseAsync(admin, name);
        }
        );
    }

    /// <summary>Drops a benchmark's database. FORCE terminates the sessions still on it, but fails while a session of
    /// another role is among them (an autovacuum worker owned by postgres, with "must be a member of the role whose
    /// process is being terminated"); such a worker ends on its own, so try again a few times, then only warn: the
    /// figures are measured already, and a leftover database is no reason to fail the run.</summary>
    internal static async Task DropPostgresDatabaseAsync(string admin, string name)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege || e.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                if (attempt < attempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
                    continue;
                }
                Console.Error.WriteLine($"Warning: the benchmark database {name} could not be dropped after {attempts} attempts ({e.MessageText}); drop it by hand.");
                return;
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
