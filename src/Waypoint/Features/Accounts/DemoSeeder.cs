using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Data.Accounts;
using Waypoint.Data.Authorities;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Accounts;

/// <summary>Bound from <c>Seed:</c>.</summary>
internal sealed class DemoSeedOptions
{
    public const string Section = "Seed";

    /// <summary>Creates the demo accounts at start, in Development only.</summary>
    public bool Demo { get; set; }

    /// <summary>The demo accounts' password. When empty, one is generated at first seeding and printed in the log.
    /// When set, the accounts' password is set to it at start.</summary>
    public string? DemoPassword { get; set; }
}

/// <summary>
/// Creates <c>admin@waypoint.local</c> (platform admin) and <c>demo@waypoint.local</c> (admin of an approved
/// organisation for a real municipality), both confirmed, when <c>Seed:Demo</c> is true in Development. Idempotent:
/// it never changes an existing password unless <c>Seed:DemoPassword</c> says so.
/// </summary>
internal sealed partial class DemoSeeder(IHostEnvironment environment, IOptions<DemoSeedOptions> options, UserManager<WaypointUser> users,
    TimeProvider clock, ILogger<DemoSeeder> logger) : IDatabaseSeeder
{
    public const string AdminEmail = "admin@waypoint.local";
    public const string DemoEmail = "demo@waypoint.local";

    /// <summary>Eisenstadt, Austria: a real municipality of a size many members share.</summary>
    public const string PreferredAuthorityCode = "AT_10101";

    public async Task SeedAsync(WaypointDbContext db, CancellationToken cancellationToken)
    {
        if (!options.Value.Demo || !environment.IsDevelopment()) return;

        var configured = string.IsNullOrEmpty(options.Value.DemoPassword) ? null : options.Value.DemoPassword;
        string? generated = null;
        var admin = await EnsureUserAsync(AdminEmail, "Platform admin", configured, () => generated ??= GeneratePassword());
        var demo = await EnsureUserAsync(DemoEmail, "Demo user", configured, () => generated ??= GeneratePassword());
        if (!await users.IsInRoleAsync(admin.User, PlatformRoles.Admin)) Check(await users.AddToRoleAsync(admin.User, PlatformRoles.Admin));

        if (generated is not null) LogGeneratedPassword(AdminEmail, DemoEmail, generated);
        else if (configured is null && !admin.Created && !demo.Created) LogAccountsExist(AdminEmail, DemoEmail);

        await EnsureOrganisationAsync(db, demo.User, admin.User, cancellationToken);
    }

    private async Task<(WaypointUser User, bool Created)> EnsureUserAsync(string email, string displayName, string? configuredPassword, Func<string> newPassword)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new WaypointUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = clock.GetUtcNow() };
            Check(await users.CreateAsync(user, configuredPassword ?? newPassword()));
            return (user, true);
        }
        if (configuredPassword is not null && !await users.CheckPasswordAsync(user, configuredPassword))
        {
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, configuredPassword));
            LogPasswordReset(email);
        }
        return (user, false);
    }

    private async Task EnsureOrganisationAsync(WaypointDbContext db, WaypointUser demo, WaypointUser admin, CancellationToken cancellationToken)
    {
        if (await db.OrganisationMemberships.AnyAsync(m => m.UserId == demo.Id, cancellationToken)) return;

        var authority = await db.Authorities.FirstOrDefaultAsync(a => a.Code == PreferredAuthorityCode, cancellationToken)
            ?? await db.Authorities.Where(a => a.Type == AuthorityType.Municipality && a.Status == AuthorityStatus.Active)
                .OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (authority is null)
        {
            LogNoMunicipality(DemoEmail);
            return;
        }

        var now = clock.GetUtcNow();
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.AuthorityId == authority.Id, cancellationToken);
        if (organisation is null)
        {
            organisation = new Organisation { Id = Guid.NewGuid(), AuthorityId = authority.Id, CreatedAt = now };
            db.Organisations.Add(organisation);
            db.OrganisationClaims.Add(new OrganisationClaim
            {
                Id = Guid.NewGuid(),
                AuthorityId = authority.Id,
                ClaimantId = demo.Id,
                JobTitle = "Chief Digital Officer",
                Justification = "Demo data.",
                Status = ClaimStatus.Approved,
                CreatedAt = now,
                DecidedAt = now,
                DecidedById = admin.Id,
                OrganisationId = organisation.Id,
            });
        }
        db.OrganisationMemberships.Add(new OrganisationMembership { OrganisationId = organisation.Id, UserId = demo.Id, Role = OrganisationRole.Admin, JoinedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        LogOrganisationCreated(DemoEmail, authority.Name, authority.Code);
    }

    /// <summary>20 characters from 32 unambiguous letters and digits (100 bits), with at least one digit and one lower-case letter.</summary>
    internal static string GeneratePassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string digits = "23456789";
        while (true)
        {
            var password = RandomNumberGenerator.GetString(letters + digits, 20);
            if (password.Any(char.IsDigit) && password.Any(char.IsLower)) return password;
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo accounts {Admin} and {Demo} created with the generated password {Password} (set Seed:DemoPassword to choose it).")]
    private partial void LogGeneratedPassword(string admin, string demo, string password);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo accounts {Admin} and {Demo} exist; their password was generated and printed at first seeding. To reset it, start with Seed:DemoPassword set (for example the environment variable Seed__DemoPassword).")]
    private partial void LogAccountsExist(string admin, string demo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo account {Email}: password reset to Seed:DemoPassword.")]
    private partial void LogPasswordReset(string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No municipality in the directory yet: {Demo} gets no demo organisation. It will be created at the next start after the directory is loaded.")]
    private partial void LogNoMunicipality(string demo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo organisation for {Authority} ({Code}) created, with {Demo} as its admin.")]
    private partial void LogOrganisationCreated(string demo, string authority, string code);
}
