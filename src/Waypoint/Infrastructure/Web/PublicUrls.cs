namespace Waypoint.Infrastructure.Web;

/// <summary>Bound from <c>App:</c>.</summary>
internal sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address people open Waypoint at ("https://waypoint.example.eu"), used for links in emails.
    /// When empty, links are built from the request, which trusts its Host header: set it in production.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Who runs this instance of Waypoint ("Digital Agency of Examplestad"), named in the accessibility
    /// statement as the body responsible for it. When empty, the statement speaks of "the operator of this site".</summary>
    public string? Operator { get; set; }

    /// <summary>Where people report accessibility problems and ask for content in another format. When empty, it is
    /// <c>accessibility@</c> followed by the host of <see cref="PublicUrl"/> (or of the request).</summary>
    public string? AccessibilityContact { get; set; }

    public static bool IsValidEmail(string? value) =>
        string.IsNullOrWhiteSpace(value) || System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value.Trim();

    public static bool IsValidPublicUrl(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment));
}

/// <summary>Absolute links to Waypoint's own pages, for emails and anything else read outside the browser.</summary>
internal sealed class PublicUrls(Microsoft.Extensions.Options.IOptions<AppOptions> options, IHttpContextAccessor http)
{
    /// <param name="pathAndQuery">A local path such as <c>/accounts/confirm-email?userId=…</c>.</param>
    public Uri Absolute(string pathAndQuery)
    {
        if (!pathAndQuery.StartsWith('/') || pathAndQuery.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException("Only local paths starting with a single '/' can be made absolute.", nameof(pathAndQuery));
        return new Uri(BaseUrl() + pathAndQuery);
    }

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl)) return options.Value.PublicUrl.TrimEnd('/');
        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException("App:PublicUrl is not set and there is no request to build a link from.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
