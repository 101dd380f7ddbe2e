using Waypoint.Data.Authorities;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Organisations;

// What the API returns and the pages show. Entities never leave the services.

internal sealed record AuthoritySummaryDto(int Id, string Name, AuthorityType Type, string CountryCode);

internal sealed record MyOrganisationDto(Guid Id, AuthoritySummaryDto Authority, OrganisationRole Role, DateTimeOffset JoinedAt);

internal sealed record MemberDto(string UserId, string Email, string DisplayName, OrganisationRole Role, DateTimeOffset JoinedAt);

internal sealed record OrganisationDto(
    Guid Id,
    AuthoritySummaryDto Authority,
    LivingInEuStatus LivingInEuStatus,
    IReadOnlyList<SubGroups> SubGroups,
    int Version,
    DateTimeOffset CreatedAt,
    OrganisationRole? YourRole,
    IReadOnlyList<MemberDto> Members)
{
    /// <summary>Whether the organisation belongs to Synthetic Europe: generated data, no real authority.</summary>
    public bool IsSynthetic { get; init; }
}

internal sealed record InvitationDto(Guid Id, string Email, OrganisationRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

internal sealed record ClaimDto(
    Guid Id,
    AuthoritySummaryDto Authority,
    string JobTitle,
    string? Justification,
    ClaimStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    string? RejectionReason,
    Guid? OrganisationId);

internal sealed record ClaimantDto(string Id, string Email, string DisplayName);

internal sealed record PendingClaimDto(
    Guid Id,
    AuthoritySummaryDto Authority,
    ClaimantDto Claimant,
    string JobTitle,
    string? Justification,
    DateTimeOffset CreatedAt);

internal sealed record ClaimApprovalDto(ClaimDto Claim, Guid OrganisationId, int OtherClaimsRejected);

/// <summary>What a person who opens an invitation link sees before accepting it.</summary>
internal sealed record InvitationPreviewDto(Guid OrganisationId, string AuthorityName, OrganisationRole Role, DateTimeOffset ExpiresAt);

internal sealed record AcceptedInvitationDto(Guid OrganisationId, OrganisationRole Role);

// Requests: enum values arrive as text so that a wrong value gets a message naming the allowed ones.

internal sealed record CreateClaimRequest(int? AuthorityId, string? JobTitle, string? Justification);

internal sealed record RejectClaimRequest(string? Reason);

internal sealed record UpdateOrganisationRequest(string? LivingInEuStatus, IReadOnlyList<string>? SubGroups, int? Version);

internal sealed record InviteRequest(string? Email, string? Role);

internal sealed record AcceptInvitationRequest(string? Token);

internal sealed record ChangeRoleRequest(string? Role);
