using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waypoint.Data;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Api;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Accounts;

internal static class AccountsRegistration
{
    /// <summary>Accepts either the browser's cookie or a script's bearer token.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentityApiEndpoints<WaypointUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<WaypointClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddEntityFrameworkStores<WaypointDbContext>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IEmailSender<WaypointUser>, AccountEmailSender>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Registrar>();
        builder.Services.AddScoped<UserAdministration>();

        // Identity's default scheme sends every challenge to the bearer handler, so a page would answer 401 instead of
        // showing the sign-in page. This one asks the bearer handler when a token is sent, the cookie otherwise.
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultAuthenticateScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
                options.DefaultForbidScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Session cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme);

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".Waypoint.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/accounts/signin";
            options.LogoutPath = "/accounts/signout";
            options.AccessDeniedPath = "/accounts/denied";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(7);
            // An API call without a session gets 401/403, not a redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PlatformRoles.Admin, policy => policy.RequireRole(PlatformRoles.Admin))
            .AddPolicy(PlatformRoles.Editor, policy => policy.RequireRole(PlatformRoles.Admin, PlatformRoles.Editor))
            .AddPolicy(PlatformRoles.Coordinator, policy => policy.RequireRole(PlatformRoles.Admin, PlatformRoles.Coordinator));

        builder.Services.AddScoped<IDatabaseSeeder, RoleSeeder>();
        return builder;
    }

    /// <summary>Demo accounts and a demo organisation for trying Waypoint on a laptop (Development with <c>Seed:Demo</c>
    /// only). Call it after the features whose seeders load the directory: seeders run in registration order.</summary>
    public static WebApplicationBuilder AddDemoAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoSeedOptions>().BindConfiguration(DemoSeedOptions.Section);
        builder.Services.AddScoped<IDatabaseSeeder, DemoSeeder>();
        return builder;
    }

    public static void MapAccounts(this WebApplication app)
    {
        // register, login (bearer token, or cookie with ?useCookies=true), refresh, confirmEmail, forgotPassword, resetPassword, manage/info
        app.MapApiV1("/auth", "Accounts").MapIdentityApi<WaypointUser>()
            .RequireRateLimiting(WebRegistration.AuthRateLimit)
            .Add(HideIdentityRegister);
        app.MapAccountsApi();
    }

    /// <summary>Identity's register endpoint is shadowed by ours (see <see cref="AccountsApi"/>); keep it out of the API description.</summary>
    private static void HideIdentityRegister(EndpointBuilder endpoint)
    {
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.EndsWith("/register", StringComparison.Ordinal))
            endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
