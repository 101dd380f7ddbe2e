using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Toolbox;

/// <summary>Entries to send and ways to read the catalogue in the toolbox tests.</summary>
internal static class ToolboxRequests
{
    public static Dictionary<string, object?> ValidEntry(string? key = null) => new()
    {
        ["key"] = key ?? "test-" + Guid.NewGuid().ToString("N")[..12],
        ["type"] = "toolbox",
        ["name"] = "Guide de l'Interopérabilité locale",
        ["summary"] = "A guide written for the tests. It explains how local services exchange data.",
        ["url"] = "https://example.eu/guide",
        ["publisher"] = "Test publisher",
        ["topics"] = new[] { "interoperability", "data_management" },
        ["levels"] = new[] { 2, 3 },
        ["languages"] = new[] { "fr", "en" },
        ["cost"] = "free",
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> entry, string field, object? value)
    {
        entry[field] = value;
        return entry;
    }

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static IReadOnlyList<string> Keys(this JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!)];

    public static Task<int> CountEntriesAsync(this WaypointFactory factory) => factory.WithDbAsync(db => db.ToolboxEntries.CountAsync());
}
