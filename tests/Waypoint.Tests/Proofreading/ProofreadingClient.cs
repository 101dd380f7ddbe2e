using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Proofreading;

/// <summary>Calls of the proofreading API shared by its tests.</summary>
internal static class ProofreadingClient
{
    public static Task<HttpResponseMessage> SuggestAsync(this HttpClient client, string language, string key, string text, string? page = "/") =>
        client.PostAsJsonAsync("/api/v1/proofreading/suggestions", new { language, key, text, page });

    /// <summary>Sends a suggestion that must be accepted, and returns its id.</summary>
    public static async Task<Guid> SuggestOkAsync(this HttpClient client, string language, string key, string text)
    {
        var response = await client.SuggestAsync(language, key, text);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<string> HtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(400, html.Length)]}");
        return html;
    }

    public static Task<int> SuggestionCountAsync(this WaypointFactory factory, string userId) =>
        factory.WithDbAsync(db => db.WordingSuggestions.CountAsync(s => s.AuthorId == userId));
}
