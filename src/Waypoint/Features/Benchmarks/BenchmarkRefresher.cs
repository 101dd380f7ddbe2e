using Microsoft.Extensions.Options;

namespace Waypoint.Features.Benchmarks;

/// <summary>
/// Builds this node's benchmarks before the server listens, then looks for new entries every
/// <see cref="BenchmarkOptions.RefreshInterval"/>, and checks now and then that no entry disappeared (a reload then).
/// </summary>
internal sealed partial class BenchmarkRefresher(BenchmarkStore store, IOptions<BenchmarkOptions> options, ILogger<BenchmarkRefresher> logger)
    : BackgroundService
{
    private static readonly TimeSpan CompletenessCheck = TimeSpan.FromSeconds(30);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        var lastCheck = DateTimeOffset.UtcNow;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
                if (DateTimeOffset.UtcNow - lastCheck > CompletenessCheck)
                {
                    lastCheck = DateTimeOffset.UtcNow;
                    if (!await store.IsCompleteAsync(stoppingToken)) await store.ReloadAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop the refreshes: the next tick tries again.
                LogRefreshFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the benchmarks failed; retrying at the next interval.")]
    private partial void LogRefreshFailed(Exception exception);
}
