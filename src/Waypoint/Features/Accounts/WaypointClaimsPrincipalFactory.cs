using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Waypoint.Data.Accounts;

namespace Waypoint.Features.Accounts;

/// <summary>Adds the account's display name to the session, so that the header names the person as colleagues
/// know them rather than by their email address.</summary>
internal sealed class WaypointClaimsPrincipalFactory(UserManager<WaypointUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WaypointUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "waypoint:display_name";

    /// <summary>The display name of a signed-in person, their user name (the email address) for sessions without one.</summary>
    public static string? DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirst(DisplayNameClaim)?.Value is { Length: > 0 } name ? name : user.Identity?.Name;

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WaypointUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
