using Waypoint.Data.Accounts;

namespace Waypoint.Data.Organisations;

public sealed class OrganisationMembership
{
    public Guid OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    public required string UserId { get; set; }
    public WaypointUser User { get; set; } = null!;

    public OrganisationRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>What a member may do in their organisation. Ordered: a higher role may do all a lower one may.</summary>
public enum OrganisationRole
{
    /// <summary>Reads the organisation's assessments and results.</summary>
    Viewer = 0,
    /// <summary>Also answers assessments.</summary>
    Contributor = 1,
    /// <summary>Also keeps the profile, invites and removes members, submits and publishes.</summary>
    Admin = 2,
}
