using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Waypoint.Features.Assessments;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Assessments;

public sealed class ResultsTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task Results_follow_the_documented_formula_computed_from_the_answers_given()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        var questionnaire = factory.Questionnaire();
        // Networking gets only "don't know" answers, so it has no score; the others a mix of levels and "don't know".
        var given = await team.ContributorApi.AnswerEverythingAsync(assessment.Id, questionnaire,
            (q, i) => q.SectionKey == "networking" || i % 7 == 3 ? null : 1 + (i * 3 % 5));

        var response = await team.ViewerApi.GetAsync($"/api/v1/assessments/{assessment.Id}/results");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<ResultsDto>(AssessmentScenario.Json))!;
        Assert.Equal(questionnaire.Version, results.QuestionnaireVersion);
        var expectedTopicScores = new List<double>();
        foreach (var topic in questionnaire.Topics)
        {
            var levels = topic.Questions.Select(q => given[q.Key]).Where(l => l is not null).Select(l => l!.Value).ToList();
            var result = results.Topics.Single(t => t.Key == topic.Key);
            Assert.Equal(levels.Count, result.Answered);
            Assert.Equal(topic.Questions.Length, result.ScoredQuestions);
            if (levels.Count == 0 || 2 * levels.Count < topic.Questions.Length)
            {
                Assert.Null(result.Score);
                Assert.Null(result.Level);
                continue;
            }
            var expected = levels.Average(l => (l - 1) * 25.0);
            expectedTopicScores.Add(expected);
            Assert.Equal(Math.Round(expected, 1, MidpointRounding.AwayFromZero), (double)result.Score!.Value, 3);
            Assert.Equal(Band(expected), result.Level);
        }
        Assert.Equal(6, results.Overall.TopicsCovered);
        Assert.Equal(7, results.Overall.TopicCount);
        var overall = expectedTopicScores.Average();
        Assert.Equal(Math.Round(overall, 1, MidpointRounding.AwayFromZero), (double)results.Overall.Score!.Value, 3);
        Assert.Equal(overall, results.Overall.ScoreValue!.Value, 9);
        Assert.Equal(Band(overall), results.Overall.Level);
    }

    [Fact]
    public async Task The_csv_export_has_every_answer_and_score_and_escapes_what_a_spreadsheet_would_run()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerAsync(assessment.Id, "service_design.user_research", new { level = 4, note = "=HYPERLINK(\"http://evil\")", version = 0 });
        await team.ContributorApi.AnswerAsync(assessment.Id, "service_design.co_design", new { choice = "not_applicable", version = 0 });

        var response = await team.ViewerApi.GetAsync($"/api/v1/assessments/{assessment.Id}/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("kind,section,key,title,answer,answer_text,note,evidence_url,score,level,answered,scored_questions,questionnaire_version", lines[0], StringComparison.Ordinal);
        var questionnaire = factory.Questionnaire();
        Assert.Equal(questionnaire.QuestionsByKey.Count, lines.Count(l => l.StartsWith("answer,", StringComparison.Ordinal)));
        Assert.Equal(7, lines.Count(l => l.StartsWith("topic_score,", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("overall_score,", StringComparison.Ordinal));
        var userResearch = lines.Single(l => l.Contains(",service_design.user_research,", StringComparison.Ordinal));
        Assert.Contains(",4,", userResearch, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", userResearch, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", userResearch, StringComparison.Ordinal);
        Assert.Contains(",not_applicable,", lines.Single(l => l.Contains(",service_design.co_design,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_export_has_the_answers_the_scores_and_the_questionnaire_version()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerAsync(assessment.Id, "technology.cloud", new { level = 5, evidenceUrl = "https://example.eu/cloud", version = 0 });

        var response = await team.ViewerApi.GetAsync($"/api/v1/assessments/{assessment.Id}/export.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(factory.Questionnaire().Version, document.GetProperty("assessment").GetProperty("questionnaireVersion").GetString());
        var cloud = document.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "technology.cloud");
        Assert.Equal("5", cloud.GetProperty("answer").GetString());
        Assert.Equal("https://example.eu/cloud", cloud.GetProperty("evidenceUrl").GetString());
        Assert.Equal(7, document.GetProperty("scores").GetProperty("topics").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, document.GetProperty("scores").GetProperty("overall").GetProperty("score").ValueKind);
    }

    [Fact]
    public async Task The_results_page_shows_the_scores_a_table_of_topics_the_chart_data_and_the_method_link()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerEverythingAsync(assessment.Id, factory.Questionnaire(), (_, _) => 4);
        using var browser = await factory.CreateBrowserClientAsync(team.Viewer);

        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/assessments/{assessment.Id}/results"));

        Assert.Contains("75.0", html, StringComparison.Ordinal);
        Assert.Contains("Advanced", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"application/json\" id=\"results-data\">", html, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", html, StringComparison.Ordinal);
        Assert.Contains("/js/results.js", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/assessments/scoring\"", html, StringComparison.Ordinal);
        Assert.Contains("600 points ÷ 8 answers", html, StringComparison.Ordinal);
        var method = await browser.GetStringAsync("/assessments/scoring");
        Assert.Contains("How scores are calculated", method, StringComparison.Ordinal);
    }

    private static MaturityLevel Band(double score) => score switch
    {
        >= 80 => MaturityLevel.Leading,
        >= 60 => MaturityLevel.Advanced,
        >= 40 => MaturityLevel.Established,
        >= 20 => MaturityLevel.Developing,
        _ => MaturityLevel.Starting,
    };
}
