using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Organisations;

/// <summary>An organisation's profile and members. Every operation first asks <see cref="OrganisationAccess"/>, so a
/// person outside the organisation gets "not found" before their input is even read.</summary>
internal sealed class OrganisationService(WaypointDbContext db, OrganisationAccess access, IStringLocalizer<Program> localizer)
{
    public async Task<IReadOnlyList<MyOrganisationDto>> MineAsync(string userId, CancellationToken cancellationToken)
    {
        var mine = await db.OrganisationMemberships.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new MyOrganisationDto(m.OrganisationId,
                new AuthoritySummaryDto(m.Organisation.Authority.Id, m.Organisation.Authority.Name, m.Organisation.Authority.Type, m.Organisation.Authority.CountryCode),
                m.Role, m.JoinedAt))
            .ToListAsync(cancellationToken);
        return [.. mine.OrderBy(o => o.Authority.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<Outcome<OrganisationDto>> GetAsync(ClaimsPrincipal user, Guid organisationId, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(user, organisationId, OrganisationRole.Viewer, cancellationToken);
        if (!check.Allowed) return Outcome<OrganisationDto>.Refused(access.NotFound());

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new
            {
                o.Id,
                Authority = new AuthoritySummaryDto(o.Authority.Id, o.Authority.Name, o.Authority.Type, o.Authority.CountryCode),
                o.LivingInEuStatus,
                o.SubGroups,
                o.Version,
                o.CreatedAt,
                o.IsSynthetic,
            })
            .FirstAsync(cancellationToken);
        var members = await db.OrganisationMemberships.AsNoTracking().Where(m => m.OrganisationId == organisationId)
            .Select(m => new MemberDto(m.UserId, m.User.Email ?? "", m.User.DisplayName, m.Role, m.JoinedAt))
            .ToListAsync(cancellationToken);
        return Outcome<OrganisationDto>.Success(new OrganisationDto(organisation.Id, organisation.Authority, organisation.LivingInEuStatus,
            OrganisationInput.SubGroupList(organisation.SubGroups), organisation.Version, organisation.CreatedAt, check.Role,
            [.. members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase)])
        {
            IsSynthetic = organisation.IsSynthetic,
        });
    }

    /// <summary>Saves the Living-in.EU status and sub-groups if the organisation is still at the version the editor
    /// started from; otherwise refuses with the current version, never overwriting what someone else saved.</summary>
    public async Task<Outcome<OrganisationDto>> UpdateProfileAsync(ClaimsPrincipal user, Guid organisationId, UpdateOrganisationRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Admin, cancellationToken) is { } denied)
            return Outcome<OrganisationDto>.Refused(denied);

        var errors = new FieldErrors();
        if (!OrganisationInput.TryParseName<LivingInEuStatus>(request.LivingInEuStatus, out var status))
            errors.Add("livingInEuStatus", localizer["Choose the Living-in.EU status: one of {0}.", OrganisationInput.Names<LivingInEuStatus>()]);
        var subGroups = SubGroups.None;
        if (request.SubGroups is null)
        {
            errors.Add("subGroups", localizer["Send the list of sub-groups the organisation takes part in (an empty list for none)."]);
        }
        else
        {
            var allowed = string.Join(", ", Enum.GetNames<SubGroups>().Where(n => n != nameof(SubGroups.None)));
            foreach (var name in request.SubGroups)
            {
                if (OrganisationInput.TryParseName<SubGroups>(name, out var group) && group != SubGroups.None)
                    subGroups |= group;
                else
                    errors.Add("subGroups", localizer["'{0}' is not a sub-group. Choose among {1}.", name ?? "", allowed]);
            }
        }
        if (request.Version is null)
            errors.Add("version", localizer["Send the version of the organisation you started from (the 'version' you read)."]);
        if (errors.Any) return Outcome<OrganisationDto>.Refused(errors.ToFailure());

        var version = request.Version!.Value;
        var saved = await db.Organisations
            .Where(o => o.Id == organisationId && o.Version == version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.LivingInEuStatus, status)
                .SetProperty(o => o.SubGroups, subGroups)
                .SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);
        if (saved == 0)
        {
            var current = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Version).FirstAsync(cancellationToken);
            var stale = Failure.Conflict(localizer["Someone changed this organisation after you opened it (you had version {0}, it is now at {1}). Look at the current values and make your change again.", version, current]);
            return Outcome<OrganisationDto>.Refused(stale with { CurrentVersion = current });
        }
        return await GetAsync(user, organisationId, cancellationToken);
    }

    public async Task<Outcome<MemberDto>> ChangeRoleAsync(ClaimsPrincipal user, Guid organisationId, string memberId, ChangeRoleRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Admin, cancellationToken) is { } denied)
            return Outcome<MemberDto>.Refused(denied);
        if (!OrganisationInput.TryParseName<OrganisationRole>(request.Role, out var role))
            return Outcome<MemberDto>.Refused(Failure.Invalid("role", localizer["Choose a role: one of {0}.", OrganisationInput.Names<OrganisationRole>()]));

        var member = await FindMemberAsync(organisationId, memberId, cancellationToken);
        if (member is null) return Outcome<MemberDto>.Refused(MemberNotFound());
        if (member.Role == role) return Outcome<MemberDto>.Success(member);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (member.Role == OrganisationRole.Admin && await GuardLastAdminAsync(organisationId, cancellationToken) is { } refused)
            return Outcome<MemberDto>.Refused(refused);
        var changed = await db.OrganisationMemberships
            .Where(m => m.OrganisationId == organisationId && m.UserId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, role), cancellationToken);
        if (changed == 0) return Outcome<MemberDto>.Refused(MemberNotFound());
        await transaction.CommitAsync(cancellationToken);
        return Outcome<MemberDto>.Success(member with { Role = role });
    }

    public async Task<Outcome<MemberDto>> RemoveMemberAsync(ClaimsPrincipal user, Guid organisationId, string memberId, CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Admin, cancellationToken) is { } denied)
            return Outcome<MemberDto>.Refused(denied);
        var member = await FindMemberAsync(organisationId, memberId, cancellationToken);
        if (member is null) return Outcome<MemberDto>.Refused(MemberNotFound());

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (member.Role == OrganisationRole.Admin && await GuardLastAdminAsync(organisationId, cancellationToken) is { } refused)
            return Outcome<MemberDto>.Refused(refused);
        var removed = await db.OrganisationMemberships
            .Where(m => m.OrganisationId == organisationId && m.UserId == memberId)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return Outcome<MemberDto>.Refused(MemberNotFound());
        await transaction.CommitAsync(cancellationToken);
        return Outcome<MemberDto>.Success(member);
    }

    /// <summary>Refuses to take away the last admin. Called inside the transaction that demotes or removes an admin:
    /// it moves the organisation's version on, so that two admins demoting each other at the same moment cannot both
    /// pass the count — the second finds the version moved and gets a conflict. (A profile form opened before then
    /// is stale afterwards and is refused with the same clear message as any concurrent edit.)</summary>
    private async Task<Failure?> GuardLastAdminAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var version = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Version).FirstAsync(cancellationToken);
        var admins = await db.OrganisationMemberships.CountAsync(m => m.OrganisationId == organisationId && m.Role == OrganisationRole.Admin, cancellationToken);
        if (admins <= 1)
            return Failure.Conflict(localizer["This member is the organisation's last admin. Make another member admin first: an organisation always keeps at least one admin."]);
        var moved = await db.Organisations.Where(o => o.Id == organisationId && o.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);
        return moved == 0
            ? Failure.Conflict(localizer["The organisation's members changed while you were saving. Reload the page and try again."])
            : null;
    }

    private Task<MemberDto?> FindMemberAsync(Guid organisationId, string memberId, CancellationToken cancellationToken) =>
        db.OrganisationMemberships.AsNoTracking().Where(m => m.OrganisationId == organisationId && m.UserId == memberId)
            .Select(m => new MemberDto(m.UserId, m.User.Email ?? "", m.User.DisplayName, m.Role, m.JoinedAt))
            .FirstOrDefaultAsync(cancellationToken);

    private Failure MemberNotFound() => Failure.NotFound(localizer["This organisation has no member with this id."]);
}
