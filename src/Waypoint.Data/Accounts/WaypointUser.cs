using Microsoft.AspNetCore.Identity;

namespace Waypoint.Data.Accounts;

/// <summary>A person with an account. Platform roles (admin, editor, coordinator) are Identity roles.</summary>
public sealed class WaypointUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>ISO 639-1 code of the language the person reads Waypoint in; emails use it too.</summary>
    public string PreferredLanguage { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }
}
