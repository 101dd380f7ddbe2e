using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Accounts;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Organisations;

internal enum AccessOutcome
{
    Allowed,
    /// <summary>Not a member (or no such organisation): answered as "not found" so that ids do not reveal what exists.</summary>
    NotFound,
    /// <summary>A member whose role is too low, or a platform admin asking for more than reading.</summary>
    Forbidden,
}

/// <summary>What one person may do in one organisation.</summary>
/// <param name="Role">The person's role as a member, or null when they are not a member.</param>
/// <param name="IsPlatformAdmin">Platform admins may read every organisation, but change only those they are members of.</param>
internal sealed record OrganisationAccessResult(AccessOutcome Outcome, OrganisationRole? Role, bool IsPlatformAdmin)
{
    public bool Allowed => Outcome == AccessOutcome.Allowed;
}

/// <summary>
/// The one place that decides who may read or change an organisation's data. Every organisation page and endpoint
/// (and the assessments later) asks it with the minimum role the action needs. Someone who is not a member gets
/// "not found", never "forbidden", so that guessing ids reveals nothing; a member with too low a role gets "forbidden".
/// </summary>
internal sealed class OrganisationAccess(WaypointDbContext db, IStringLocalizer<Program> localizer)
{
    public static string? UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool IsPlatformAdmin(ClaimsPrincipal user) => user.IsInRole(PlatformRoles.Admin);

    /// <summary>The person's role in the organisation, or null when they are not a member.</summary>
    public async Task<OrganisationRole?> RoleOfAsync(ClaimsPrincipal user, Guid organisationId, CancellationToken cancellationToken = default)
    {
        var userId = UserIdOf(user);
        if (userId is null) return null;
        return await db.OrganisationMemberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.UserId == userId)
            .Select(m => (OrganisationRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<OrganisationAccessResult> CheckAsync(ClaimsPrincipal user, Guid organisationId, OrganisationRole minimum,
        CancellationToken cancellationToken = default)
    {
        var isPlatformAdmin = IsPlatformAdmin(user);
        var role = await RoleOfAsync(user, organisationId, cancellationToken);
        if (role is { } memberRole)
        {
            return new(memberRole >= minimum ? AccessOutcome.Allowed : AccessOutcome.Forbidden, memberRole, isPlatformAdmin);
        }
        if (!isPlatformAdmin || !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return new(AccessOutcome.NotFound, null, isPlatformAdmin);
        }
        return new(minimum == OrganisationRole.Viewer ? AccessOutcome.Allowed : AccessOutcome.Forbidden, null, isPlatformAdmin);
    }

    /// <summary>Null when the person may act with at least <paramref name="minimum"/>; otherwise why not.</summary>
    public async Task<Failure?> RequireAsync(ClaimsPrincipal user, Guid organisationId, OrganisationRole minimum,
        CancellationToken cancellationToken = default)
    {
        var access = await CheckAsync(user, organisationId, minimum, cancellationToken);
        return access.Outcome switch
        {
            AccessOutcome.Allowed => null,
            AccessOutcome.NotFound => NotFound(),
            _ => access.Role is { } role
                ? Failure.Forbidden(localizer["Your role in this organisation ({0}) may not do this. Ask one of its admins.", localizer[role.ToString()]].Value)
                : Failure.Forbidden(localizer["Only members of this organisation may change it."].Value),
        };
    }

    public Failure NotFound() =>
        Failure.NotFound(localizer["There is no organisation with this id among those you can see."].Value);
}
