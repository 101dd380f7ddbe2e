namespace Waypoint.Features.Toolbox;

/// <summary>Bound from <c>Toolbox:</c>.</summary>
internal sealed class ToolboxOptions
{
    public const string Section = "Toolbox";

    /// <summary>The folder holding <c>catalogue.yaml</c> and <c>translations/</c>. Empty means <c>Content/toolbox</c>
    /// beside the application, where the build copies <c>content/toolbox</c>. A relative path is taken from the
    /// application's folder.</summary>
    public string? Directory { get; set; }

    public string ResolveDirectory()
    {
        var configured = string.IsNullOrWhiteSpace(Directory) ? Path.Combine("Content", "toolbox") : Directory;
        return Path.GetFullPath(configured, AppContext.BaseDirectory);
    }
}
