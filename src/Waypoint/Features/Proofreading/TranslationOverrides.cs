using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Data.Proofreading;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Questionnaires.Translations;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>
/// Keeps this node's <see cref="TranslationCatalog"/> and <see cref="QuestionnaireCatalog"/> showing the wording editors accepted. The overrides live in the
/// database; each node holds them in memory (a lookup stays one dictionary read) and reloads them when the one-row
/// version counter moves: at once on the node that accepted, within <see cref="ProofreadingOptions.RefreshInterval"/>
/// on the others.
/// </summary>
internal sealed partial class TranslationOverrides(
    TranslationCatalog catalog,
    QuestionnaireCatalog questionnaires,
    IServiceScopeFactory scopes,
    IOptions<ProofreadingOptions> options,
    ILogger<TranslationOverrides> logger) : BackgroundService
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private long _loadedVersion = -1;

    /// <summary>Reloads the overrides if the version counter moved since the last load (or always, when forced).</summary>
    public async Task RefreshAsync(WaypointDbContext db, bool force, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            // The version is read before the overrides: a change committed in between is loaded now and again at the
            // next check, never missed.
            var version = await db.TranslationOverridesVersions.AsNoTracking()
                .Where(v => v.Id == TranslationOverridesVersion.SingletonId).Select(v => v.Version).FirstOrDefaultAsync(cancellationToken);
            if (!force && version == Volatile.Read(ref _loadedVersion)) return;
            var rows = await db.TranslationOverrides.AsNoTracking().Select(o => new { o.Language, o.Key, o.Text }).ToListAsync(cancellationToken);
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByLanguage(bool questionnaire) =>
                rows.Where(r => QuestionnaireTexts.IsQuestionnaireKey(r.Key) == questionnaire)
                    .GroupBy(r => r.Language, StringComparer.OrdinalIgnoreCase).ToDictionary(
                        g => g.Key,
                        g => (IReadOnlyDictionary<string, string>)g.ToDictionary(r => r.Key, r => r.Text, StringComparer.Ordinal),
                        StringComparer.OrdinalIgnoreCase);
            catalog.ApplyOverrides(ByLanguage(questionnaire: false));
            questionnaires.ApplyOverrides(ByLanguage(questionnaire: true));
            Volatile.Write(ref _loadedVersion, version);
            LogLoaded(logger, rows.Count, version);
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RefreshAsync(scope.ServiceProvider.GetRequiredService<WaypointDbContext>(), force, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(force: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly unreachable must not stop the node: the next tick tries again.
                LogRefreshFailed(logger, e);
            }
        }
    }

    public override void Dispose()
    {
        _loading.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} accepted translation override(s), version {Version}.")]
    private static partial void LogLoaded(ILogger logger, int count, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the translation overrides; trying again at the next tick.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

/// <summary>Loads the accepted wording before the node serves its first page.</summary>
internal sealed class TranslationOverridesLoader(TranslationOverrides overrides) : IDatabaseSeeder
{
    public Task SeedAsync(WaypointDbContext db, CancellationToken cancellationToken) => overrides.RefreshAsync(db, force: true, cancellationToken);
}
