namespace Waypoint.Data.Organisations;

/// <summary>An invitation to join an organisation, sent by email. Only a hash of its token is stored.</summary>
public sealed class OrganisationInvitation
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    public required string Email { get; set; }

    /// <summary>Upper-cased email, for lookups that ignore case.</summary>
    public required string NormalizedEmail { get; set; }

    public OrganisationRole Role { get; set; }

    public required string TokenHash { get; set; }

    public required string InvitedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedById { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
