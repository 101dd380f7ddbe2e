using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Waypoint.Data.Authorities;
using Waypoint.Data.Organisations;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Organisations;

/// <summary>Arranges authorities, organisations and members directly in the database, and reads what the
/// application sent by email, for the organisation tests.</summary>
public static partial class OrganisationScenario
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record Arranged(Guid OrganisationId, int AuthorityId, string AuthorityName, TestUser Admin);

    public static async Task<(int Id, string Name)> CreateAuthorityAsync(this WaypointFactory factory, AuthorityStatus status = AuthorityStatus.Active,
        string? name = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        name ??= $"Testville {suffix}";
        var authority = new Authority
        {
            Code = "TEST_" + suffix,
            Type = AuthorityType.Municipality,
            Name = name,
            SearchName = name.ToLowerInvariant(),
            CountryCode = "DE",
            Status = status,
        };
        await factory.WithDbAsync(async db =>
        {
            db.Authorities.Add(authority);
            await db.SaveChangesAsync();
        });
        return (authority.Id, name);
    }

    /// <summary>An organisation for a new authority, with a new user as its only admin (as if a claim had been approved).</summary>
    public static async Task<Arranged> CreateOrganisationAsync(this WaypointFactory factory)
    {
        var (authorityId, name) = await factory.CreateAuthorityAsync();
        var admin = await factory.CreateUserAsync();
        var organisationId = Guid.NewGuid();
        await factory.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Id = organisationId, AuthorityId = authorityId, CreatedAt = DateTimeOffset.UtcNow };
            organisation.Members.Add(new OrganisationMembership { UserId = admin.Id, Role = OrganisationRole.Admin, JoinedAt = DateTimeOffset.UtcNow });
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        });
        return new Arranged(organisationId, authorityId, name, admin);
    }

    public static async Task<TestUser> AddMemberAsync(this WaypointFactory factory, Guid organisationId, OrganisationRole role, string? email = null)
    {
        var user = await factory.CreateUserAsync(email);
        await factory.WithDbAsync(async db =>
        {
            db.OrganisationMemberships.Add(new OrganisationMembership { OrganisationId = organisationId, UserId = user.Id, Role = role, JoinedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        return user;
    }

    /// <summary>Everything the organisations feature stores, as text: equal before and after means nothing changed.</summary>
    public static Task<string> SnapshotAsync(this WaypointFactory factory) => factory.WithDbAsync(async db =>
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.AuthorityId, o.LivingInEuStatus, o.SubGroups, o.Version }).ToListAsync();
        var members = await db.OrganisationMemberships.AsNoTracking().OrderBy(m => m.OrganisationId).ThenBy(m => m.UserId)
            .Select(m => new { m.OrganisationId, m.UserId, m.Role }).ToListAsync();
        var claims = await db.OrganisationClaims.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.AuthorityId, c.ClaimantId, c.JobTitle, c.Justification, c.Status, c.RejectionReason, c.OrganisationId }).ToListAsync();
        var invitations = await db.OrganisationInvitations.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.OrganisationId, i.NormalizedEmail, i.Role, i.TokenHash, i.AcceptedAt, i.RevokedAt, i.ExpiresAt }).ToListAsync();
        return JsonSerializer.Serialize(new { organisations, members, claims, invitations }, Json);
    });

    /// <summary>The emails written to the pickup folder for <paramref name="to"/>, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> EmailsTo(this WaypointFactory factory, string to)
    {
        if (!Directory.Exists(factory.MailDirectory)) return [];
        return [.. Directory.GetFiles(factory.MailDirectory, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => a.Address.Equals(to, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The token in the link of the latest invitation emailed to <paramref name="to"/>.</summary>
    public static string InvitationTokenSentTo(this WaypointFactory factory, string to)
    {
        var email = factory.EmailsTo(to).LastOrDefault(m => (m.Subject ?? "").Contains("invited", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(email);
        var link = InvitationLink().Match(email.TextBody ?? "");
        Assert.True(link.Success, "The invitation email has no link to /organisations/invitations/{token}.");
        return link.Groups[1].Value;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    [GeneratedRegex(@"/organisations/invitations/([A-Za-z0-9_\-]+)")]
    private static partial Regex InvitationLink();
}
