using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Waypoint.Infrastructure.Localization;
using Waypoint.Infrastructure.Problems;

namespace Waypoint.Infrastructure.Web;

internal static partial class PipelineExtensions
{
    public static WebApplicationBuilder AddErrorHandling(this WebApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Outside Development, minimal APIs answer an unreadable body with a bare 400; throwing lets the handler above explain it.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 2 * 1024 * 1024);
        return builder;
    }

    /// <summary>The middleware in the order a request meets it.</summary>
    public static WebApplication UseWaypointPipeline(this WebApplication app)
    {
        app.UseServerTiming();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseMiddleware<LanguagePathMiddleware>();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        // After authentication, so that a policy can count a signed-in person's posts wherever they post from.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Prints where Waypoint can be opened once the server listens.</summary>
    public static void AnnounceUrls(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Waypoint");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) LogListening(logger, address);
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waypoint is running. Open {Address} in your browser.")]
    private static partial void LogListening(ILogger logger, string address);
}
