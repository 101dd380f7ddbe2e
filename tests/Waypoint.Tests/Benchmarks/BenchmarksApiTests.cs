using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;
using static Waypoint.Tests.Benchmarks.BenchmarkTestData;

namespace Waypoint.Tests.Benchmarks;

/// <summary>The open-data API. Each test works in a round of its own, so that groups of one test never sit beside
/// another's (suppression looks at neighbouring groups).</summary>
public sealed class BenchmarksApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task Anyone_reads_a_groups_size_quartiles_median_and_mean_per_measure()
    {
        await factory.AddSubmissionsAsync("AT", [.. Scores(10, 20, 30, 40, 50).Select(s => s with { Round = 2031 })]);

        var body = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/benchmarks?round=2031&country=AT");

        Assert.Equal(5, body.GetProperty("minimumGroupSize").GetInt32());
        Assert.Equal("AT", body.GetProperty("group").GetProperty("country").GetString());
        var measures = body.GetProperty("measures").EnumerateArray().ToList();
        Assert.Equal(8, measures.Count);
        foreach (var measure in measures)
        {
            Assert.False(measure.GetProperty("suppressed").GetBoolean());
            Assert.Equal(5, measure.GetProperty("count").GetInt32());
            Assert.Equal(14, measure.GetProperty("p10").GetDouble());
            Assert.Equal(20, measure.GetProperty("q1").GetDouble());
            Assert.Equal(30, measure.GetProperty("median").GetDouble());
            Assert.Equal(40, measure.GetProperty("q3").GetDouble());
            Assert.Equal(46, measure.GetProperty("p90").GetDouble());
            Assert.Equal(30, measure.GetProperty("mean").GetDouble());
        }
        var topic = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/benchmarks?round=2031&country=at&topic=governance");
        Assert.Equal("governance", Assert.Single(topic.GetProperty("measures").EnumerateArray()).GetProperty("measure").GetString());
    }

    [Fact]
    public async Task A_group_of_four_says_it_is_suppressed_and_gives_no_figure()
    {
        await factory.AddSubmissionsAsync("BE", [.. Scores(13.7, 13.7, 13.7, 86.3).Select(s => s with { Round = 2032 })]);

        foreach (var url in new[] { "/api/v1/benchmarks?round=2032&country=BE", "/api/v1/benchmarks?round=2032" })
        {
            var response = await factory.CreateClient().GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("13.7", text, StringComparison.Ordinal);
            Assert.DoesNotContain("86.3", text, StringComparison.Ordinal);
            var measures = JsonDocument.Parse(text).RootElement.GetProperty("measures").EnumerateArray().ToList();
            Assert.All(measures, m =>
            {
                Assert.True(m.GetProperty("suppressed").GetBoolean());
                Assert.Equal("too-few", m.GetProperty("reason").GetString());
                Assert.Equal(JsonValueKind.Null, m.GetProperty("count").ValueKind);
                Assert.Equal(JsonValueKind.Null, m.GetProperty("median").ValueKind);
            });
        }
    }

    [Fact]
    public async Task A_repeated_call_with_the_etag_gets_304_until_a_submission_changes_the_figures()
    {
        await factory.AddSubmissionsAsync("CZ", [.. Scores(10, 20, 30, 40, 50).Select(s => s with { Round = 2033 })]);
        var client = factory.CreateClient();
        const string url = "/api/v1/benchmarks?round=2033&country=CZ&topic=overall";

        var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);

        await factory.AddSubmissionsAsync("CZ", [new Submission(100, Round: 2033)]);
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, url);
        afterChange.Headers.IfNoneMatch.Add(etag);
        var third = await client.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var overall = (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("measures")[0];
        Assert.Equal(6, overall.GetProperty("count").GetInt32());
        Assert.Equal(35, overall.GetProperty("median").GetDouble());
    }

    [Fact]
    public async Task Wrong_filters_get_a_problem_naming_each_field_and_what_it_accepts()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/benchmarks?country=XX&nuts2=DE2&type=Town&band=huge&topic=weather&round=1900");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "country", "nuts2", "type", "band", "topic", "round" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
        Assert.Contains("Municipality", errors.GetProperty("type")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_read_their_own_percentile_ranks_and_others_get_404()
    {
        var organisation = await factory.CreateOrganisationAsync(); // a German municipality of unknown population
        await factory.AddSubmissionsAsync("DE", [.. Scores(10, 20, 30, 40, 50, 60, 70, 80).Select(s => s with { Round = 2034 })]);
        await factory.AddSubmissionForAsync(organisation.OrganisationId, new Submission(45, Round: 2034));
        var member = await factory.CreateApiClientAsync(organisation.Admin);
        var stranger = await factory.CreateApiClientAsync(await factory.CreateUserAsync());

        var own = await member.GetFromJsonAsync<JsonElement>($"/api/v1/benchmarks/me?organisationId={organisation.OrganisationId}&round=2034");
        var strangers = await stranger.GetAsync($"/api/v1/benchmarks/me?organisationId={organisation.OrganisationId}");
        var anonymous = await factory.CreateClient().GetAsync($"/api/v1/benchmarks/me?organisationId={organisation.OrganisationId}");

        Assert.Equal(2034, own.GetProperty("round").GetInt32());
        var groups = own.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
        var country = groups["country"].GetProperty("measures")[0];
        Assert.Equal(45, country.GetProperty("score").GetDouble());
        Assert.Equal(50, country.GetProperty("percentileRank").GetDouble()); // 4 below, 1 equal, of 9
        Assert.Equal(45, country.GetProperty("group").GetProperty("median").GetDouble());
        var band = groups["band"].GetProperty("measures")[0];
        Assert.True(band.GetProperty("group").GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, band.GetProperty("percentileRank").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_submission_shows_in_the_figures_within_five_seconds_without_anyone_refreshing()
    {
        using var team = await factory.CreateTeamAsync(); // a German municipality
        await factory.AddSubmissionsAsync("DE", Scores(10, 20, 30, 40, 50));
        var round = AssessmentScenario.ThisYear;
        var url = $"/api/v1/benchmarks?round={round}&country=DE&topic=overall";
        var client = factory.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("measures")[0].GetProperty("count").GetInt32();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerEverythingAsync(assessment.Id, factory.Questionnaire(), (_, _) => 5);

        (await team.AdminApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null)).EnsureSuccessStatusCode();
        var submitted = DateTime.UtcNow;

        int count;
        do
        {
            count = (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("measures")[0].GetProperty("count").GetInt32();
            if (count == before + 1) break;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow - submitted < TimeSpan.FromSeconds(5));
        Assert.Equal(before + 1, count);
    }
}
