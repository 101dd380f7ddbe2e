using System.Net.Http.Json;
using Waypoint.Data.Assessments;
using Waypoint.Data.GoodPractices;
using Waypoint.Features.Authorities;
using Waypoint.Features.GoodPractices;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.GoodPractices;

/// <summary>The library counts matches up to a limit: beyond it, it says "more than". Its own fixture: it stores more than a
/// thousand practices.</summary>
public sealed class GoodPracticeCountTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    /// <summary>Stores <paramref name="count"/> approved practices holding the marker word, over as many assessments as needed.</summary>
    private async Task AddManyAsync(int count, string marker)
    {
        var organisation = await factory.CreateOrganisationAsync();
        var topics = Waypoint.Features.Questionnaires.Questionnaire.TopicKeys;
        await factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            Assessment? assessment = null;
            for (var i = 0; i < count; i++)
            {
                if (i % topics.Length == 0)
                {
                    assessment = new Assessment
                    {
                        Id = Guid.NewGuid(),
                        OrganisationId = organisation.OrganisationId,
                        Round = 1000 + (i / topics.Length),
                        QuestionnaireVersion = "1.0",
                        Status = AssessmentStatus.Submitted,
                        CreatedAt = now,
                        CreatedById = organisation.Admin.Id,
                        SubmittedAt = now,
                        UpdatedAt = now,
                    };
                    db.Assessments.Add(assessment);
                }
                var title = $"Practice {i} {marker}";
                db.SharedGoodPractices.Add(new SharedGoodPractice
                {
                    Id = Guid.NewGuid(),
                    OrganisationId = organisation.OrganisationId,
                    AssessmentId = assessment!.Id,
                    TopicKey = topics[i % topics.Length],
                    Round = assessment.Round,
                    Title = title,
                    Description = "A description.",
                    SearchText = SearchText.Fold($"{title} A description. Testville"),
                    AuthorityId = organisation.AuthorityId,
                    AuthorityName = "Testville",
                    CountryCode = "DE",
                    Status = GoodPracticeStatus.Approved,
                    PublishedAt = now,
                    PublishedById = "someone",
                    DecidedAt = now.AddSeconds(-i),
                    Version = 1,
                });
            }
            await db.SaveChangesAsync();
        });
    }

    private async Task<GoodPracticeResults> SearchAsync(string query)
    {
        using var anonymous = factory.CreateClient();
        return (await anonymous.GetFromJsonAsync<GoodPracticeResults>("/api/v1/good-practices?" + query, OrganisationScenario.Json))!;
    }

    [Fact]
    public async Task Beyond_a_thousand_matches_the_library_says_more_than_a_thousand_and_still_pages_on()
    {
        const string Marker = "manymarker";
        await AddManyAsync(GoodPracticeLibrary.CountLimit + 25, Marker);

        var first = await SearchAsync($"q={Marker}");
        var last = await SearchAsync($"q={Marker}&page=52");
        var beyond = await SearchAsync($"q={Marker}&page=51");

        Assert.Equal((GoodPracticeLibrary.CountLimit, true, 20), (first.Total, first.MoreThanTotal, first.Items.Count));
        Assert.True(first.HasNextPage);
        // The last page is short: there the total is exact.
        Assert.Equal((GoodPracticeLibrary.CountLimit + 25, false, 5), (last.Total, last.MoreThanTotal, last.Items.Count));
        // A full page beyond the limit counts up to its end, and says there are more.
        Assert.Equal((1020, true), (beyond.Total, beyond.MoreThanTotal));

        using var anonymous = factory.CreateClient();
        var html = await anonymous.GetStringAsync($"/good-practices?q={Marker}");
        Assert.Contains("More than 1,000 good practices found", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_to_a_thousand_matches_the_total_is_exact()
    {
        await AddManyAsync(30, "fewmarker");

        var results = await SearchAsync("q=fewmarker");

        Assert.Equal((30, false, 2), (results.Total, results.MoreThanTotal, results.PageCount));
        Assert.True(results.HasNextPage);
        Assert.False((await SearchAsync("q=fewmarker&page=2")).HasNextPage);
    }
}
