using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Accounts;

namespace Waypoint.Features.Accounts;

/// <summary>Makes sure the platform roles exist.</summary>
internal sealed class RoleSeeder(RoleManager<IdentityRole> roles) : IDatabaseSeeder
{
    public async Task SeedAsync(WaypointDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in PlatformRoles.All.Except(existing))
        {
            await roles.CreateAsync(new IdentityRole(role!));
        }
    }
}
