using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using MiniExcelLibs;
using Waypoint.Data.Accounts;
using Waypoint.Tests.Benchmarks;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Analytics;

/// <summary>
/// Round 2026: 30 municipalities of Germany (overall 40 to 69, median 54.5), 6 of France (70 to 75, two of them
/// published), and 4 of Austria, all with the distinctive score 13.7. Austria is too small to show; France is
/// large enough but hidden by difference (Europe minus Germany minus France would be Austria's four).
/// </summary>
public sealed class AnalyticsFactory : WaypointFactory
{
    public const string Distinctive = "13.7";

    public IReadOnlyList<Guid> France { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.AddSubmissionsAsync("DE", BenchmarkTestData.Scores([.. Enumerable.Range(40, 30).Select(s => (double)s)]));
        France = await this.AddSubmissionsAsync("FR", [.. Enumerable.Range(70, 6).Select(s => new Submission(s, Published: s >= 74))]);
        await this.AddSubmissionsAsync("AT", BenchmarkTestData.Scores(13.7, 13.7, 13.7, 13.7));
    }
}

public sealed class AnalyticsTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_country_map_has_a_path_with_a_title_for_every_member_state_and_the_figures_of_those_shown()
    {
        var page = await GetPageAsync("/analytics?round=2026");

        var paths = page.QuerySelectorAll("svg.choropleth path[data-code]").ToList();
        Assert.Equal(27, paths.Count);
        Assert.All(paths, p => Assert.NotNull(p.QuerySelector("title")));
        var germany = paths.Single(p => p.GetAttribute("data-code") == "DE");
        Assert.Contains("median 54.5, 30 organisations", germany.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("map-bin-", germany.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Equal("map-hidden", paths.Single(p => p.GetAttribute("data-code") == "AT").GetAttribute("class"));
        var row = page.QuerySelector("#map-table tr[data-code=DE]")!;
        Assert.Contains("54.5", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("© EuroGeographics for the administrative boundaries", page.QuerySelector(".map-figure")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_region_map_draws_every_NUTS_2_region_and_overseas_regions_in_insets()
    {
        var page = await GetPageAsync("/analytics?round=2026&level=2");

        var codes = page.QuerySelectorAll("svg.choropleth path[data-code]").Select(p => p.GetAttribute("data-code")!).ToList();
        Assert.True(codes.Count > 200, $"only {codes.Count} regions drawn");
        Assert.All(codes, c => Assert.Equal(4, c.Length));
        Assert.Contains("ES70", codes);
        Assert.Contains("FRY1", codes);
        Assert.Equal(8, page.QuerySelectorAll("svg.choropleth rect.map-inset").Length);
    }

    [Fact]
    public async Task A_country_of_four_organisations_carries_no_figure_in_the_page_the_exports_or_the_API()
    {
        var anonymous = factory.CreateClient();
        var texts = new Dictionary<string, string>();
        foreach (var level in new[] { 0, 2 })
        {
            foreach (var country in new[] { "", "AT" })
            {
                var query = $"round=2026&level={level}&country={country}";
                var page = await GetPageAsync("/analytics?" + query);
                // Europe-wide groups of the other sections may legitimately have a quantile among the four's scores.
                texts[$"page {query}"] = country == "AT"
                    ? page.QuerySelector("main")!.InnerHtml
                    : page.QuerySelector("svg.choropleth")!.OuterHtml + page.QuerySelector("#map-table")!.OuterHtml
                      + page.QuerySelector("#participation-country")!.OuterHtml;
                texts[$"api {query}"] = await anonymous.GetStringAsync("/api/v1/benchmarks/map?" + query);
            }
        }
        texts["csv AT"] = await anonymous.GetStringAsync("/analytics/export.csv?round=2026&country=AT");
        texts["xlsx AT"] = XlsxText(await anonymous.GetByteArrayAsync("/analytics/export.xlsx?round=2026&country=AT"));
        texts["page AT type"] = (await GetPageAsync("/analytics?round=2026&country=AT&type=Municipality&topic=data")).QuerySelector("main")!.InnerHtml;

        foreach (var (where, text) in texts)
        {
            // The boundaries' coordinates are numbers too: only the figures count.
            var figures = Regex.Replace(text, " d=\"[^\"]*\"", "");
            Assert.False(figures.Contains(AnalyticsFactory.Distinctive, StringComparison.Ordinal), $"{AnalyticsFactory.Distinctive} found in {where}");
            Assert.False(figures.Contains("13,7", StringComparison.Ordinal), $"13,7 found in {where}");
        }
        // The same outputs do carry the figures of a group that may be shown.
        Assert.Contains("54.5", texts["api round=2026&level=0&country="], StringComparison.Ordinal);

        var map = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/benchmarks/map?round=2026", Json))!;
        var austria = map.GetProperty("places").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "AT");
        Assert.True(austria.GetProperty("suppressed").GetBoolean());
        Assert.Equal("too-few", austria.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, austria.GetProperty("count").ValueKind);
        Assert.Equal(JsonValueKind.Null, austria.GetProperty("median").ValueKind);

        var participation = (await GetPageAsync("/analytics?round=2026")).QuerySelector("#participation-country")!;
        var austriaRow = participation.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Austria");
        Assert.Equal("fewer than 5", austriaRow.QuerySelectorAll("td")[0].TextContent);
        Assert.Equal("", austriaRow.QuerySelectorAll("td")[2].TextContent);
    }

    [Fact]
    public async Task A_country_that_would_reveal_a_smaller_one_by_difference_is_suppressed_in_the_map_and_both_exports()
    {
        var anonymous = factory.CreateClient();

        var map = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/benchmarks/map?round=2026", Json))!;
        var france = map.GetProperty("places").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "FR");
        Assert.True(france.GetProperty("suppressed").GetBoolean());
        Assert.Equal("differencing", france.GetProperty("reason").GetString());

        var csv = (await anonymous.GetStringAsync("/analytics/export.csv?round=2026&topic=overall")).Split("\r\n");
        var franceCsv = csv.Single(l => l.StartsWith("2026,country,FR,", StringComparison.Ordinal) && l.Contains(",all,all,overall,", StringComparison.Ordinal));
        Assert.Contains(",suppressed,differencing,", franceCsv, StringComparison.Ordinal);
        Assert.EndsWith(",,,,,,,", franceCsv, StringComparison.Ordinal);
        var germanyCsv = csv.Single(l => l.StartsWith("2026,country,DE,", StringComparison.Ordinal) && l.Contains(",all,all,overall,", StringComparison.Ordinal));
        Assert.Contains(",shown,,30,", germanyCsv, StringComparison.Ordinal);
        Assert.Contains(",54.5,", germanyCsv, StringComparison.Ordinal);

        var rows = MiniExcel.Query(new MemoryStream(await anonymous.GetByteArrayAsync("/analytics/export.xlsx?round=2026&topic=overall")),
            useHeaderRow: true, sheetName: "statistics").Cast<IDictionary<string, object?>>().ToList();
        var franceXlsx = rows.Single(r => (string?)r["place_code"] == "FR" && (string?)r["authority_type"] == "all" && (string?)r["population_band"] == "all");
        Assert.Equal("suppressed", franceXlsx["status"]);
        Assert.Equal("differencing", franceXlsx["reason"]);
        Assert.Null(franceXlsx["median"]);
        Assert.Null(franceXlsx["count"]);
        var germanyXlsx = rows.Single(r => (string?)r["place_code"] == "DE" && (string?)r["authority_type"] == "all" && (string?)r["population_band"] == "all");
        Assert.Equal(54.5, Convert.ToDouble(germanyXlsx["median"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_exports_are_downloads_with_the_documented_headers_and_content_types()
    {
        var anonymous = factory.CreateClient();

        var csv = await anonymous.GetAsync("/analytics/export.csv?round=2026&type=Municipality");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("waypoint-benchmarks-2026-municipality.csv", csv.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("round,place_level,place_code,place_name,place_name_latin,authority_type,population_band,measure,status,reason,count,p10,q1,median,q3,p90,mean", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Contains(",Municipality,", l, StringComparison.Ordinal));

        var xlsx = await anonymous.GetAsync("/analytics/export.xlsx?round=2026&country=DE");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var header = MiniExcel.Query(stream, sheetName: "statistics").Cast<IDictionary<string, object?>>().First();
        Assert.Equal(["round", "place_level", "place_code", "place_name", "place_name_latin", "authority_type", "population_band", "measure", "status", "reason",
            "count", "p10", "q1", "median", "q3", "p90", "mean"], header.Values.Select(v => v?.ToString()));
        Assert.Contains("about", MiniExcel.GetSheetNames(stream));
    }

    [Fact]
    public async Task Wrong_filters_get_clear_errors_on_the_page_in_the_API_and_in_the_exports()
    {
        var page = await GetPageAsync("/analytics?round=next&type=Castle&level=3&topic=happiness");
        var errors = page.QuerySelectorAll(".error-summary a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent);
        Assert.Equal(["#filter-level", "#filter-round", "#filter-topic", "#filter-type"], errors.Keys.Order());
        Assert.Contains("MemberState, Region, Municipality, OtherPublicBody", errors["#filter-type"], StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("svg.choropleth"));

        var anonymous = factory.CreateClient();
        foreach (var url in new[] { "/api/v1/benchmarks/map?level=1", "/analytics/export.csv?country=XX", "/analytics/export.xlsx?band=huge" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            Assert.Single(problem.GetProperty("errors").EnumerateObject());
        }
    }

    [Fact]
    public async Task The_map_API_answers_304_to_a_caller_that_sends_back_its_ETag()
    {
        var anonymous = factory.CreateClient();
        var first = await anonymous.GetAsync("/api/v1/benchmarks/map?round=2026&level=2");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/benchmarks/map?round=2026&level=2");
        again.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Only_coordinators_see_the_organisations_that_published_their_results()
    {
        var names = await factory.WithDbAsync(db => Task.FromResult(db.Organisations.Where(o => factory.France.Contains(o.Id))
            .Select(o => new { o.ResultsPublished, o.Authority.Name }).ToList()));
        var coordinator = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(null, PlatformRoles.Coordinator));
        var member = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());

        var forCoordinator = await FormPoster.ParseAsync(await coordinator.GetAsync("/analytics?round=2026&country=FR"));
        var listed = forCoordinator.QuerySelectorAll("#published-table tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(names.Where(n => n.ResultsPublished).Select(n => n.Name).Order(), listed.Order());

        var forMember = await FormPoster.ParseAsync(await member.GetAsync("/analytics?round=2026&country=FR"));
        Assert.Null(forMember.QuerySelector("#published-table"));
        Assert.All(names, n => Assert.DoesNotContain(n.Name, forMember.Body!.TextContent, StringComparison.Ordinal));
    }

    private async Task<IDocument> GetPageAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await FormPoster.ParseAsync(response);
    }

    private static string XlsxText(byte[] bytes)
    {
        var text = new StringBuilder();
        using var stream = new MemoryStream(bytes);
        foreach (var sheet in MiniExcel.GetSheetNames(stream))
        {
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, sheetName: sheet))
            {
                text.AppendJoin(',', row.Values).Append('\n');
            }
        }
        return text.ToString();
    }
}
