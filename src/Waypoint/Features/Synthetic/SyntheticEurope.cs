using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.Organisations;
using Waypoint.Features.Accounts;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Synthetic;

/// <summary>What to generate.</summary>
/// <param name="Rounds">How many rounds, ending with the current year.</param>
/// <param name="Fraction">The share of the directory (0 to 1], chosen by a hash of each authority's code and the seed.</param>
/// <param name="Countries">Eurostat country codes to keep to; empty for all of them.</param>
internal sealed record SyntheticPlan(int Rounds = 3, double Fraction = 1.0, ulong Seed = 42, IReadOnlyList<string>? Countries = null)
{
    public const int MaximumRounds = 10;
}

/// <summary>What a generation did.</summary>
internal sealed record SyntheticOutcome(int Authorities, int FirstRound, int LastRound, int RemovedRows, TimeSpan Removing, SyntheticCounts Written,
    TimeSpan Writing, TimeSpan Elapsed);

/// <summary>
/// Fills the database with Synthetic Europe (docs/synthetic.md): for every active authority of the directory (or a
/// slice of it) that has no real organisation, a synthetic organisation with one submitted assessment per round,
/// answers to every question, and the benchmark entry the real scorer gives them, all flagged synthetic. It first
/// removes the synthetic data of an earlier run, in the same transaction, and never touches real organisations.
/// Refused in Production.
/// </summary>
internal sealed partial class SyntheticEurope(
    WaypointDbContext db, QuestionnaireCatalog catalog, IHostEnvironment environment, TimeProvider clock, ILogger<SyntheticEurope> logger)
{
    /// <summary>Authorities that never get a synthetic organisation: the demo organisation's municipality, which the demo
    /// seeder (running after this feature's) would otherwise find taken.</summary>
    public static readonly string[] ReservedCodes = [DemoSeeder.PreferredAuthorityCode];

    public static bool IsAllowedIn(IHostEnvironment environment) => !environment.IsProduction();

    public Task<SyntheticOutcome> GenerateAsync(SyntheticPlan plan, CancellationToken cancellationToken) =>
        GenerateAsync(plan, soleUser: false, cancellationToken);

    /// <param name="soleUser">True when nothing else uses the database meanwhile (the command), which lets SQLite load
    /// faster (<see cref="SqliteBulkLoad"/>).</param>
    public async Task<SyntheticOutcome> GenerateAsync(SyntheticPlan plan, bool soleUser, CancellationToken cancellationToken)
    {
        EnsureAllowed();
        ArgumentOutOfRangeException.ThrowIfLessThan(plan.Rounds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(plan.Rounds, SyntheticPlan.MaximumRounds);
        if (plan.Fraction is not (> 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(plan), plan.Fraction, "The fraction is above 0 and at most 1.");
        var questionnaire = catalog.Current
            ?? throw new InvalidOperationException("No questionnaire is published, so there is nothing to answer. Add one to content/questionnaire.");

        var stopwatch = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var lastRound = now.Year;
        var firstRound = lastRound - plan.Rounds + 1;
        var model = new SyntheticModel(questionnaire, plan.Seed, firstRound, lastRound, now);

        db.Database.SetCommandTimeout(SyntheticWriter.LoadTimeout);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var authorities = await AuthoritiesAsync(plan, cancellationToken);
            var bulk = db.Database.IsSqlite() ? await SqliteBulkLoad.BeginAsync(db, soleUser, cancellationToken) : null;
            try
            {
                var strategy = db.Database.CreateExecutionStrategy();
                var (removed, removing, written, writing) = await strategy.ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var phase = Stopwatch.StartNew();
                    var removedRows = await SyntheticRemoval.RemoveAsync(db, cancellationToken);
                    var removeTime = phase.Elapsed;
                    phase.Restart();
                    var counts = await SyntheticWriter.For(db, model).WriteAsync(authorities, now, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return (removedRows, removeTime, counts, phase.Elapsed);
                });
                await RefreshStatisticsAsync(cancellationToken);
                var outcome = new SyntheticOutcome(authorities.Count, firstRound, lastRound, removed, removing, written, writing, stopwatch.Elapsed);
                LogGenerated(written.Organisations, written.Assessments, written.Answers, firstRound, lastRound, outcome.Elapsed.TotalSeconds,
                    db.Database.ProviderName ?? "?");
                return outcome;
            }
            finally
            {
                if (bulk is not null) await bulk.DisposeAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Removes all synthetic data, leaving real organisations as they are.</summary>
    public async Task<int> RemoveAsync(CancellationToken cancellationToken)
    {
        EnsureAllowed();
        db.Database.SetCommandTimeout(SyntheticWriter.LoadTimeout);
        var strategy = db.Database.CreateExecutionStrategy();
        var removed = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = await SyntheticRemoval.RemoveAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return rows;
        });
        await RefreshStatisticsAsync(cancellationToken);
        LogRemoved(removed);
        return removed;
    }

    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => db.Organisations.AnyAsync(o => o.IsSynthetic, cancellationToken);

    private void EnsureAllowed()
    {
        if (!IsAllowedIn(environment))
            throw new InvalidOperationException("Synthetic Europe is refused in Production: it would mix made-up assessments with real ones.");
    }

    /// <summary>Active member states, regions and municipalities of the plan's slice without a real organisation, by id
    /// (the order the ids of the synthetic rows follow).</summary>
    private async Task<List<SyntheticAuthority>> AuthoritiesAsync(SyntheticPlan plan, CancellationToken cancellationToken)
    {
        var countries = plan.Countries is { Count: > 0 } c ? c.Select(x => x.ToUpperInvariant()).ToList() : null;
        var excluded = ReservedCodes;
        var query = db.Authorities.AsNoTracking()
            .Where(a => a.Status == AuthorityStatus.Active && a.Type != AuthorityType.OtherPublicBody)
            .Where(a => !db.Organisations.Any(o => o.AuthorityId == a.Id && !o.IsSynthetic))
            .Where(a => !excluded.Contains(a.Code));
        if (countries is not null) query = query.Where(a => countries.Contains(a.CountryCode));
        var rows = await query.OrderBy(a => a.Id)
            .Select(a => new SyntheticAuthority(a.Id, a.Code, a.Type, a.NutsLevel, a.CountryCode, a.NutsCode, a.Population))
            .ToListAsync(cancellationToken);
        return plan.Fraction >= 1 ? rows : [.. rows.Where(a => SyntheticModel.InSlice(plan.Seed, a.Code, plan.Fraction))];
    }

    /// <summary>Fresh planner statistics for the tables that changed most (the answers table has only its key to plan with).</summary>
    private async Task RefreshStatisticsAsync(CancellationToken cancellationToken)
    {
        string[] tables =
        [
            new ModelTable(db.Model, typeof(Organisation)).Name, new ModelTable(db.Model, typeof(Data.Assessments.Assessment)).Name,
            new ModelTable(db.Model, typeof(BenchmarkEntry)).Name, new ModelTable(db.Model, typeof(BenchmarkTopicScore)).Name,
        ];
        foreach (var table in tables)
        {
            // Table names come from the model, not from input.
            var sql = (db.Database.IsNpgsql() ? "VACUUM (ANALYZE) " : "ANALYZE ") + table;
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Synthetic Europe: {Organisations} organisations, {Assessments} assessments, {Answers} answers (rounds {First}–{Last}) in {Seconds:0.0} s ({Provider}).")]
    private partial void LogGenerated(int organisations, int assessments, long answers, int first, int last, double seconds, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Synthetic Europe removed: {Rows} rows.")]
    private partial void LogRemoved(int rows);
}
