namespace Waypoint.Features.Recommendations;

/// <summary>Bound from <c>Recommendations:</c>.</summary>
internal sealed class RecommendationOptions
{
    public const string Section = "Recommendations";

    /// <summary>The folder holding <c>library.yaml</c> and <c>translations/</c>. Empty means <c>Content/recommendations</c>
    /// beside the application, where the build copies <c>content/recommendations</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>How long a counted policy view is kept and served before it is counted again (absolute, from the
    /// counting). Zero counts on every request.</summary>
    public TimeSpan PolicyCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    public string ResolveDirectory()
    {
        var configured = string.IsNullOrWhiteSpace(Directory) ? Path.Combine("Content", "recommendations") : Directory;
        return Path.GetFullPath(configured, AppContext.BaseDirectory);
    }
}
