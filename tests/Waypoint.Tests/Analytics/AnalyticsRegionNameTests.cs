using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Waypoint.Tests.Benchmarks;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Analytics;

/// <summary>Region names on the map, its API and the exports: Greek and Bulgarian regions with their Latin spelling.</summary>
public sealed class AnalyticsRegionNameTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private async Task<string> MapNameAsync(string code, string? language)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/benchmarks/map?round=2026&level=2");
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        var map = await response.Content.ReadFromJsonAsync<JsonElement>();
        return map.GetProperty("places").EnumerateArray().Single(p => p.GetProperty("code").GetString() == code).GetProperty("name").GetString()!;
    }

    [Fact]
    public async Task The_map_names_a_Greek_region_in_Greek_with_its_Latin_spelling_except_for_Greek_readers()
    {
        await factory.AddSubmissionsAsync("DE", BenchmarkTestData.Scores(50));

        Assert.Equal("Κεντρική Μακεδονία (Kentriki Makedonia)", await MapNameAsync("EL52", null));
        Assert.Equal("Κεντρική Μακεδονία", await MapNameAsync("EL52", "el"));
        Assert.Equal("Oberbayern", await MapNameAsync("DE21", null));
    }

    [Fact]
    public async Task The_region_map_and_its_table_show_both_names()
    {
        await factory.AddSubmissionsAsync("DE", BenchmarkTestData.Scores(50));
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/analytics?round=2026&level=2");

        Assert.Contains("Κεντρική Μακεδονία (Kentriki Makedonia)", html, StringComparison.Ordinal);
        Assert.Contains("Югозападен (Yugozapaden)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exports_give_the_national_and_the_Latin_name_in_columns_of_their_own()
    {
        await factory.AddSubmissionsAsync("DE", BenchmarkTestData.Scores(50));
        using var client = factory.CreateClient();

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/analytics/export.csv?round=2026&country=EL&topic=overall"));
        var rows = MiniExcel.Query(new MemoryStream(await client.GetByteArrayAsync("/analytics/export.xlsx?round=2026&country=EL&topic=overall")),
            useHeaderRow: true, sheetName: "statistics").Cast<IDictionary<string, object?>>().ToList();

        Assert.Contains("\r\n2026,nuts2,EL52,Κεντρική Μακεδονία,Kentriki Makedonia,all,all,overall,", csv, StringComparison.Ordinal);
        var region = rows.First(r => (string?)r["place_code"] == "EL52");
        Assert.Equal(("Κεντρική Μακεδονία", "Kentriki Makedonia"), ((string?)region["place_name"], (string?)region["place_name_latin"]));
        var country = rows.First(r => (string?)r["place_code"] == "EL");
        Assert.Equal(("Greece", "Greece"), ((string?)country["place_name"], (string?)country["place_name_latin"]));
    }
}

/// <summary>The workbook is kept per state of its round: downloaded again it is the same, and a new submission in the
/// round makes a new one.</summary>
public sealed class AnalyticsWorkbookTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static int GermanyCount(byte[] workbook) => Convert.ToInt32(
        MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true, sheetName: "statistics").Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r["place_code"] == "DE" && (string?)r["authority_type"] == "all" && (string?)r["population_band"] == "all")["count"],
        System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_new_submission_in_the_round_is_in_the_next_workbook_downloaded()
    {
        await factory.AddSubmissionsAsync("DE", BenchmarkTestData.Scores(40, 45, 50, 55, 60));
        using var client = factory.CreateClient();
        const string url = "/analytics/export.xlsx?round=2026&topic=overall";

        var first = await client.GetByteArrayAsync(url);
        var again = await client.GetByteArrayAsync(url);
        await factory.AddSubmissionsAsync("DE", BenchmarkTestData.Scores(65));
        var after = await client.GetByteArrayAsync(url);

        Assert.Equal(first, again);
        Assert.Equal(5, GermanyCount(first));
        Assert.Equal(6, GermanyCount(after));
    }
}
