using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waypoint.Data;
using Waypoint.Data.Accounts;
using Waypoint.Data.Authorities;
using Waypoint.Data.Organisations;
using Waypoint.Features.Accounts;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

/// <summary>The application started in Development with <c>Seed:Demo</c> on, keeping what it logs.</summary>
public class DemoFactory : WaypointFactory
{
    public ConcurrentQueue<string> Log { get; } = new();

    protected virtual string Environment => Environments.Development;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Seed:Demo"] = "true" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environment);
        builder.ConfigureLogging(logging => logging.AddProvider(new ListLoggerProvider(Log)));
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(log);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Enqueue(formatter(state, exception));
        }
    }
}

public sealed class ProductionDemoFactory : DemoFactory
{
    protected override string Environment => Environments.Production;
}

public sealed partial class DemoSeederTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task In_development_the_demo_accounts_are_created_confirmed_with_a_password_printed_in_the_log()
    {
        _ = factory.Services;
        var password = GeneratedPassword().Match(string.Join('\n', factory.Log)).Groups[1].Value;
        Assert.NotEmpty(password);

        var users = await factory.WithDbAsync(db => db.Users.Where(u => u.Email!.EndsWith("@waypoint.local")).OrderBy(u => u.Email).ToListAsync());
        Assert.Equal([DemoSeeder.AdminEmail, DemoSeeder.DemoEmail], users.Select(u => u.Email));
        Assert.All(users, u => Assert.True(u.EmailConfirmed));

        using var client = factory.CreateClient();
        var admin = new TestUser(users[0].Id, DemoSeeder.AdminEmail, password);
        using var adminClient = await factory.CreateApiClientAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/api/v1/admin/users")).StatusCode);
        var demoLogin = await client.PostAsync("/api/v1/auth/login", Json.Body(new { email = DemoSeeder.DemoEmail, password }));
        Assert.Equal(HttpStatusCode.OK, demoLogin.StatusCode);
    }

    [Fact]
    public async Task Seeding_again_keeps_the_password_and_gives_demo_an_organisation_once_a_municipality_exists()
    {
        _ = factory.Services;
        var password = GeneratedPassword().Match(string.Join('\n', factory.Log)).Groups[1].Value;
        await factory.WithDbAsync(async db =>
        {
            if (!await db.Authorities.AnyAsync(a => a.Code == DemoSeeder.PreferredAuthorityCode))
            {
                db.Authorities.Add(new Authority
                {
                    Code = DemoSeeder.PreferredAuthorityCode,
                    Type = AuthorityType.Municipality,
                    Name = "Eisenstadt",
                    SearchName = "eisenstadt",
                    CountryCode = "AT",
                });
                await db.SaveChangesAsync();
            }
        });

        await SeedAgainAsync();
        await SeedAgainAsync();

        Assert.Contains(factory.Log, line => line.Contains("exist; their password was generated", StringComparison.Ordinal));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@waypoint.local"))));
        var membership = await factory.WithDbAsync(db => db.OrganisationMemberships.Include(m => m.Organisation).ThenInclude(o => o.Authority)
            .SingleAsync(m => m.User.Email == DemoSeeder.DemoEmail));
        Assert.Equal(OrganisationRole.Admin, membership.Role);
        Assert.Equal(DemoSeeder.PreferredAuthorityCode, membership.Organisation.Authority.Code);
        var claim = await factory.WithDbAsync(db => db.OrganisationClaims.SingleAsync(c => c.Claimant.Email == DemoSeeder.DemoEmail));
        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal(membership.OrganisationId, claim.OrganisationId);

        using var client = factory.CreateClient();
        var login = await client.PostAsync("/api/v1/auth/login", Json.Body(new { email = DemoSeeder.DemoEmail, password }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    private async Task SeedAgainAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetServices<IDatabaseSeeder>().OfType<DemoSeeder>().Single();
        await seeder.SeedAsync(scope.ServiceProvider.GetRequiredService<WaypointDbContext>(), CancellationToken.None);
    }

    [GeneratedRegex(@"generated password (\S+) ")]
    private static partial Regex GeneratedPassword();
}

public sealed class DemoSeederOutsideDevelopmentTests(ProductionDemoFactory factory) : IClassFixture<ProductionDemoFactory>
{
    [Fact]
    public async Task Outside_development_no_demo_account_is_created_even_with_seed_demo_on()
    {
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.EndsWith("@waypoint.local"))));
        Assert.DoesNotContain(factory.Log, line => line.Contains("password", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class DemoPasswordFactory : DemoFactory
{
    public const string Password = "configured-demo-password-4";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Seed:Demo"] = "true", ["Seed:DemoPassword"] = Password };
}

public sealed class DemoPasswordTests(DemoPasswordFactory factory) : IClassFixture<DemoPasswordFactory>
{
    [Fact]
    public async Task A_configured_demo_password_is_used_and_never_printed()
    {
        using var client = factory.CreateClient();
        var login = await client.PostAsync("/api/v1/auth/login", Json.Body(new { email = DemoSeeder.AdminEmail, password = DemoPasswordFactory.Password }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.DoesNotContain(factory.Log, line => line.Contains(DemoPasswordFactory.Password, StringComparison.Ordinal));
    }
}
