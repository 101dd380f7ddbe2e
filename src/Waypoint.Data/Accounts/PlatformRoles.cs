namespace Waypoint.Data.Accounts;

/// <summary>Roles that span the whole platform, as opposed to roles within one organisation.</summary>
public static class PlatformRoles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Coordinator = "coordinator";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Coordinator];
}
