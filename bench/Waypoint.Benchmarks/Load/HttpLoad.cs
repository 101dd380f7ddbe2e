using System.Diagnostics;
using System.Globalization;

namespace Waypoint.Benchmarks.Load;

/// <summary>What a load run measured: client-observed latency, server time (from the Server-Timing header),
/// throughput and failures.</summary>
internal sealed record LoadResult(int Requests, int Failures, TimeSpan Elapsed, Percentiles Client, Percentiles Server)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests} requests in {Elapsed.TotalSeconds:0.0} s ({RequestsPerSecond:0} req/s), {Failures} failed; " +
        $"client ms p50 {Client.P50:0.0} p95 {Client.P95:0.0} p99 {Client.P99:0.0} max {Client.Max:0.0}; " +
        $"server ms p50 {Server.P50:0.00} p95 {Server.P95:0.00} p99 {Server.P99:0.00} max {Server.Max:0.00}");
}

internal sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(List<double> samples)
    {
        if (samples.Count == 0) return new Percentiles(0, 0, 0, 0);
        samples.Sort();
        double At(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), samples[^1]);
    }
}

/// <summary>
/// A bounded HTTP load generator for the project's own server on 127.0.0.1: <paramref name="concurrency"/> workers
/// each send requests made by <c>makeRequest(worker, i)</c> until <paramref name="requestsPerWorker"/> are done or
/// <paramref name="maxDuration"/> has passed. It stops by itself. With a <c>pause</c>, each worker waits that long
/// after each response before its next request, as a person (or a polite script) would, instead of saturating the server.
/// </summary>
internal static class HttpLoad
{
    public static async Task<LoadResult> RunAsync(
        Func<int, HttpClient> clientFor,
        Func<int, int, HttpRequestMessage> makeRequest,
        int concurrency,
        int requestsPerWorker,
        TimeSpan maxDuration,
        Func<HttpResponseMessage, bool>? isSuccess = null,
        TimeSpan pause = default)
    {
        isSuccess ??= r => r.IsSuccessStatusCode;
        var client = new List<double>[concurrency];
        var server = new List<double>[concurrency];
        var failures = 0;
        using var stop = new CancellationTokenSource(maxDuration);
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            client[worker] = new List<double>(requestsPerWorker);
            server[worker] = new List<double>(requestsPerWorker);
            var http = clientFor(worker);
            for (var i = 0; i < requestsPerWorker && !stop.IsCancellationRequested; i++)
            {
                using var request = makeRequest(worker, i);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, stop.Token);
                    client[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (ServerMilliseconds(response) is { } ms) server[worker].Add(ms);
                    if (!isSuccess(response)) Interlocked.Increment(ref failures);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                if (pause > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(pause, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        total.Stop();
        var allClient = client.SelectMany(c => c).ToList();
        var allServer = server.SelectMany(s => s).ToList();
        return new LoadResult(allClient.Count, failures, total.Elapsed, Percentiles.Of(allClient), Percentiles.Of(allServer));
    }

    /// <summary>Reads <c>Server-Timing: app;dur=12.3</c>.</summary>
    public static double? ServerMilliseconds(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values)) return null;
        foreach (var value in values)
        {
            var at = value.IndexOf("dur=", StringComparison.Ordinal);
            if (at >= 0 && double.TryParse(value.AsSpan(at + 4).TrimEnd(';'), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                return ms;
        }
        return null;
    }
}
