using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Accounts;

namespace Waypoint.Features.Accounts;

/// <summary>A person's account as platform admins see it.</summary>
internal sealed record UserSummary(string Id, string Email, string DisplayName, bool EmailConfirmed, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil);

internal enum RoleChange
{
    Done,
    UnknownUser,
    UnknownRole,
    OwnAdminRole,
}

/// <summary>Finds accounts and grants or revokes platform roles, for the admin page and the admin API.</summary>
internal sealed class UserAdministration(WaypointDbContext db, UserManager<WaypointUser> users, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int MaxQueryLength = 256;

    /// <summary>Accounts whose email contains <paramref name="query"/> (any case), by email; the first <see cref="PageSize"/>.</summary>
    public async Task<IReadOnlyList<UserSummary>> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        var accounts = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var normalized = users.NormalizeEmail(query.Trim())!;
            accounts = accounts.Where(u => u.NormalizedEmail!.Contains(normalized));
        }
        var found = await accounts.OrderBy(u => u.NormalizedEmail).Take(PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.EmailConfirmed, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where ids.Contains(userRole.UserId)
                            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        return found.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, u.EmailConfirmed,
                roles[u.Id].Order(StringComparer.Ordinal).ToList(), u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }

    public async Task<UserSummary?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        var roles = await users.GetRolesAsync(user);
        var now = clock.GetUtcNow();
        return new UserSummary(user.Id, user.Email ?? "", user.DisplayName, user.EmailConfirmed,
            roles.Order(StringComparer.Ordinal).ToList(), user.LockoutEnd > now ? user.LockoutEnd : null);
    }

    /// <summary>Gives the account exactly the platform roles listed. An admin may not take away their own admin role,
    /// so that the platform cannot lose its last admin by a slip.</summary>
    public async Task<RoleChange> SetRolesAsync(string actingUserId, string userId, IReadOnlyCollection<string> roles)
    {
        if (roles.Any(r => !PlatformRoles.All.Contains(r, StringComparer.Ordinal))) return RoleChange.UnknownRole;
        var user = await users.FindByIdAsync(userId);
        if (user is null) return RoleChange.UnknownUser;

        var current = await users.GetRolesAsync(user);
        var wanted = roles.Distinct(StringComparer.Ordinal).ToList();
        if (user.Id == actingUserId && current.Contains(PlatformRoles.Admin) && !wanted.Contains(PlatformRoles.Admin))
            return RoleChange.OwnAdminRole;

        var toRemove = current.Where(r => PlatformRoles.All.Contains(r) && !wanted.Contains(r)).ToList();
        var toAdd = wanted.Where(r => !current.Contains(r)).ToList();
        if (toRemove.Count > 0) Check(await users.RemoveFromRolesAsync(user, toRemove));
        if (toAdd.Count > 0) Check(await users.AddToRolesAsync(user, toAdd));
        return RoleChange.Done;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
