using Microsoft.AspNetCore.Mvc.Testing;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

internal static class AccountClients
{
    /// <summary>A browser-like client: keeps cookies, does not follow redirects (so tests see where they lead).</summary>
    public static HttpClient CreateBrowser(this WaypointFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static string NewEmail() => $"person-{Guid.NewGuid():N}@example.eu";

    /// <summary>The path and query of a redirect, whatever host the server put in it.</summary>
    public static string? RedirectTarget(this HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString
            : null;
}
