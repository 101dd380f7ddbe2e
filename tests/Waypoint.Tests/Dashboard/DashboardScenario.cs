using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Waypoint.Data.Organisations;
using Waypoint.Tests.Benchmarks;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Dashboard;

/// <summary>Organisations with submitted assessments and members, and ways to read their dashboard.</summary>
internal static class DashboardScenario
{
    /// <summary>Submitted organisations in <paramref name="country"/> with the given overall scores (the same in every
    /// topic); the one at <paramref name="ownIndex"/> gets an admin, a contributor and a viewer.</summary>
    public static async Task<Peers> ArrangeAsync(this WaypointFactory factory, string country, double[] scores, int ownIndex)
    {
        var ids = await factory.AddSubmissionsAsync(country, BenchmarkTestData.Scores(scores));
        var own = ids[ownIndex];
        var admin = await factory.AddMemberAsync(own, OrganisationRole.Admin);
        var contributor = await factory.AddMemberAsync(own, OrganisationRole.Contributor);
        var viewer = await factory.AddMemberAsync(own, OrganisationRole.Viewer);
        return new Peers(ids, own, admin, contributor, viewer);
    }

    public sealed record Peers(IReadOnlyList<Guid> Ids, Guid Own, TestUser Admin, TestUser Contributor, TestUser Viewer)
    {
        public string DashboardUrl => $"/organisations/{Own}/dashboard";
    }

    public static async Task<JsonElement> OwnJsonAsync(this HttpClient api, Guid organisationId, string query = "")
    {
        var response = await api.GetAsync($"/api/v1/benchmarks/me?organisationId={organisationId}{query}");
        Assert.True(response.IsSuccessStatusCode, $"GET /me answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static JsonElement GroupOf(this JsonElement own, string key) =>
        own.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == key);

    public static JsonElement MeasureOf(this JsonElement group, string measure) =>
        group.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measure").GetString() == measure);

    public static async Task<IDocument> PageAsync(this HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await FormPoster.ParseAsync(response);
    }

    public static string Cell(this IDocument page, string row, string field) =>
        page.QuerySelector($"{row} [data-field='{field}']")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"No cell {field} in {row}.");
}
