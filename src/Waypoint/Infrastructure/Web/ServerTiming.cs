using System.Diagnostics;
using System.Globalization;

namespace Waypoint.Infrastructure.Web;

/// <summary>
/// Adds <c>Server-Timing: app;dur=12.3</c> to every response: the time from the request entering the pipeline to the
/// response starting. The benchmarks read it to report server time apart from network and client time, and browsers'
/// developer tools show it.
/// </summary>
internal static class ServerTiming
{
    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                context.Response.Headers["Server-Timing"] = "app;dur=" + elapsed.ToString("0.###", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next();
        });
}
