using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;

namespace Waypoint.Features.Synthetic;

/// <summary>
/// <c>dotnet run --project src/Waypoint -- synthetic-europe [options]</c>: migrates the database and runs the start-up
/// seeders as the application does (the directory is loaded), then fills it with Synthetic Europe and exits without
/// serving. Refused in Production. Output is for the operator at the console, in English.
/// </summary>
internal static class SyntheticCommand
{
    public const string Name = "synthetic-europe";

    public const string Usage = """
        Usage: synthetic-europe [--rounds N] [--fraction F] [--seed S] [--countries AT,LU] [--remove]

          --rounds N       rounds to generate, ending with the current year (1 to 10; default 3)
          --fraction F     share of the directory, above 0 and at most 1 (default 1: all of Europe)
          --seed S         seed of the generator: the same seed gives the same answers (default 42)
          --countries C,D  only these countries (Eurostat codes, such as DE,FR,EL)
          --remove         remove all synthetic data and generate nothing

        Every run first removes the synthetic data of earlier runs; real organisations are never touched.
        Refused in Production.
        """;

    /// <summary>Runs the command when the arguments name it; false when they do not, and the application should serve.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != Name) return false;
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Environment.ExitCode = await RunAsync(args[1..], app.Services, app.Environment, Console.Out, cancellation.Token);
        return true;
    }

    /// <returns>0 when done, 1 when refused (Production), 2 for arguments to correct.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, IHostEnvironment environment, TextWriter output,
        CancellationToken cancellationToken)
    {
        if (!SyntheticEurope.IsAllowedIn(environment))
        {
            await output.WriteLineAsync($"Refused: Synthetic Europe is not generated in the {environment.EnvironmentName} environment, where it would mix made-up assessments with real ones. Run it in Development or Staging (ASPNETCORE_ENVIRONMENT).");
            return 1;
        }
        var parsed = Parse(args);
        if (parsed.Error is not null)
        {
            await output.WriteLineAsync(parsed.Error);
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        // The seeders of a start (directory, roles, demo accounts), except the demo slice, which this run replaces.
        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder>().Where(s => s is not SyntheticDemoSeeder))
        {
            await seeder.SeedAsync(db, cancellationToken);
        }
        var preparing = stopwatch.Elapsed;
        var synthetic = scope.ServiceProvider.GetRequiredService<SyntheticEurope>();

        if (parsed.Remove)
        {
            var removed = await synthetic.RemoveAsync(cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Removed {removed:N0} synthetic rows in {stopwatch.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        }

        var countries = parsed.Plan.Countries is { Count: > 0 } c ? ", countries " + string.Join(",", c) : "";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generating Synthetic Europe: {parsed.Plan.Rounds} round(s), fraction {parsed.Plan.Fraction}, seed {parsed.Plan.Seed}{countries} ({db.Database.ProviderName})…"));
        var outcome = await synthetic.GenerateAsync(parsed.Plan, soleUser: true, cancellationToken);
        var w = outcome.Written;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            Synthetic Europe, rounds {outcome.FirstRound}–{outcome.LastRound}, for {outcome.Authorities:N0} authorities:
              organisations      {w.Organisations,12:N0}
              assessments        {w.Assessments,12:N0}
              answers            {w.Answers,12:N0}
              benchmark entries  {w.BenchmarkEntries,12:N0}
              topic scores       {w.TopicScores,12:N0}
              rows written       {w.Total,12:N0}
            Removed {outcome.RemovedRows:N0} rows of an earlier run in {outcome.Removing.TotalSeconds:0.0} s; wrote in {outcome.Writing.TotalSeconds:0.0} s.
            Total {stopwatch.Elapsed.TotalSeconds:0.0} s (migrations and start-up seeders {preparing.TotalSeconds:0.0} s, generation {outcome.Elapsed.TotalSeconds:0.0} s); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB.
            """));
        return 0;
    }

    internal sealed record Parsed(SyntheticPlan Plan, bool Remove, string? Error);

    internal static Parsed Parse(IReadOnlyList<string> args)
    {
        var plan = new SyntheticPlan();
        var remove = false;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option == "--remove")
            {
                remove = true;
                continue;
            }
            if (option is "--help" or "-h") return new Parsed(plan, remove, "Options of synthetic-europe:");
            if (i + 1 >= args.Count) return new Parsed(plan, remove, $"{option} needs a value.");
            var value = args[++i];
            switch (option)
            {
                case "--rounds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) && rounds is >= 1 and <= SyntheticPlan.MaximumRounds:
                    plan = plan with { Rounds = rounds };
                    break;
                case "--rounds":
                    return new Parsed(plan, remove, $"--rounds must be a whole number from 1 to {SyntheticPlan.MaximumRounds}; '{value}' is not.");
                case "--fraction" when double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction) && fraction is > 0 and <= 1:
                    plan = plan with { Fraction = fraction };
                    break;
                case "--fraction":
                    return new Parsed(plan, remove, $"--fraction must be a number above 0 and at most 1, with a dot for decimals (such as 0.05); '{value}' is not.");
                case "--seed" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed):
                    plan = plan with { Seed = seed };
                    break;
                case "--seed":
                    return new Parsed(plan, remove, $"--seed must be a whole number of 0 or more; '{value}' is not.");
                case "--countries":
                    var codes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).ToList();
                    var unknown = codes.Where(c => !SyntheticModel.CountryBase.ContainsKey(c)).ToList();
                    if (codes.Count == 0 || unknown.Count > 0)
                        return new Parsed(plan, remove, $"--countries takes Eurostat country codes separated by commas (such as DE,FR,EL); unknown: {string.Join(", ", unknown.DefaultIfEmpty(value))}.");
                    plan = plan with { Countries = codes };
                    break;
                default:
                    return new Parsed(plan, remove, $"Unknown option '{option}'.");
            }
        }
        return new Parsed(plan, remove, null);
    }
}
