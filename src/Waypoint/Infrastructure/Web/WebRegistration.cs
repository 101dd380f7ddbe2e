using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;
using Waypoint.Infrastructure.Api;

namespace Waypoint.Infrastructure.Web;

internal static class WebRegistration
{
    /// <summary>Rate-limit policy for sign-in, registration, password reset and other endpoints an attacker would hammer.</summary>
    public const string AuthRateLimit = "auth";

    /// <summary>Rate-limit policy for what people write for others to read (questions, answers, shared good practices):
    /// counted per signed-in person, so that one account cannot flood the others.</summary>
    public const string ContributionRateLimit = "contributions";

    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRouting(options => options.LowercaseUrls = true);
        builder.Services.AddRazorPages(options =>
            {
                // Pages live in their feature folders: Features/Authorities/Index.cshtml is /authorities.
                options.RootDirectory = "/Features";
            })
            .AddDataAnnotationsLocalization()
            .AddViewLocalization();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".Waypoint.Antiforgery";
            // One cookie for the whole site: by default its path is the request's path base, which the language prefix
            // (/de, /fr) sets, so a browser ended up with one cookie per prefix and forms failed with 400 when the
            // cookie it sent first was not the one the form's token was made for.
            options.Cookie.Path = "/";
            options.HeaderName = "X-CSRF-TOKEN";
        });
        builder.Services.AddProblemDetails();
        // Pages are written in 24 languages: letters such as ö, ł or Greek and Cyrillic are written as they are
        // rather than as character references; markup characters (< > & " ') are still encoded.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRateLimiting(builder.Configuration);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section)
            .Validate(o => AppOptions.IsValidPublicUrl(o.PublicUrl), "App:PublicUrl must be an absolute http or https address without query, such as https://waypoint.example.eu.")
            .Validate(o => AppOptions.IsValidEmail(o.AccessibilityContact), "App:AccessibilityContact must be an email address, such as accessibility@waypoint.example.eu.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PublicUrls>();
        return builder;
    }

    private static void AddRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerMinute = configuration.GetValue("RateLimits:AuthPerMinute", 10);
        var contributionsPerHour = configuration.GetValue("RateLimits:ContributionsPerHour", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: showing the sign-in form (GET) must not use up a person's tries.
            options.AddPolicy(AuthRateLimit, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.AddPolicy(ContributionRateLimit, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
                        ?? "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = contributionsPerHour, Window = TimeSpan.FromHours(1) }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A page gets the HTML error page (status-code pages render /error/429); scripts get problem details.
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api")) return;
                await Results.Problem(
                        title: "Too many attempts",
                        detail: seconds <= 60
                            ? "Too many attempts from your address. Wait a minute, then try again."
                            : $"Too many posts in a short time. Wait {(seconds + 59) / 60} minutes, then try again.",
                        statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }

    /// <summary>Headers that make the browser refuse what Waypoint never does: inline scripts, framing, sniffing.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (ApiRegistration.IsReferencePath(context.Request.Path))
            {
                // The API reference (Scalar) configures itself in an inline script, marked with a fresh nonce that is
                // known only once the page is rendered, and injects its own styles. It may still only reach Waypoint.
                context.Response.OnStarting(() =>
                {
                    var nonce = context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var value) ? value as string : null;
                    var scripts = nonce is null ? "'self'" : $"'self' 'nonce-{nonce}'";
                    headers.ContentSecurityPolicy =
                        $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
                    return Task.CompletedTask;
                });
            }
            else
            {
                headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
                    "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
            }
            await next();
        });
}
