using Waypoint.Data.Accounts;
using Waypoint.Data.Authorities;

namespace Waypoint.Data.Organisations;

/// <summary>A person's request to speak for an authority. A platform admin approves it (the claimant becomes
/// the admin of a new organisation) or rejects it with a reason.</summary>
public sealed class OrganisationClaim
{
    public Guid Id { get; set; }

    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;

    public required string ClaimantId { get; set; }
    public WaypointUser Claimant { get; set; } = null!;

    /// <summary>The claimant's position in the authority ("Chief Digital Officer").</summary>
    public required string JobTitle { get; set; }

    /// <summary>What the admin should know to approve the claim: an official email domain, a web page naming the claimant.</summary>
    public string? Justification { get; set; }

    public ClaimStatus Status { get; set; } = ClaimStatus.Pending;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? RejectionReason { get; set; }

    public Guid? OrganisationId { get; set; }
}

public enum ClaimStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}
