using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Assessments;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Benchmarks;

public sealed class BenchmarkEntryTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_submission_records_the_scores_of_its_results_and_the_peer_dimensions_of_its_authority()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerEverythingAsync(assessment.Id, factory.Questionnaire(), (_, i) => i % 6 == 0 ? null : 1 + (i % 5));
        Assert.Equal(0, await factory.WithDbAsync(db => db.BenchmarkEntries.CountAsync(e => e.AssessmentId == assessment.Id)));

        (await team.AdminApi.PostAsync($"/api/v1/assessments/{assessment.Id}/submit", null)).EnsureSuccessStatusCode();

        var results = (await team.ViewerApi.GetFromJsonAsync<ResultsDto>($"/api/v1/assessments/{assessment.Id}/results", AssessmentScenario.Json))!;
        var (entry, authority) = await factory.WithDbAsync(async db =>
        {
            var e = await db.BenchmarkEntries.AsNoTracking().Include(e => e.TopicScores).SingleAsync(e => e.AssessmentId == assessment.Id);
            var a = await db.Organisations.AsNoTracking().Where(o => o.Id == team.OrganisationId).Select(o => o.Authority).SingleAsync();
            return (e, a);
        });
        Assert.Equal(team.OrganisationId, entry.OrganisationId);
        Assert.Equal(assessment.Round, entry.Round);
        Assert.Equal(authority.CountryCode, entry.CountryCode);
        Assert.Equal(authority.Type, entry.AuthorityType);
        Assert.Equal(PopulationBands.For(authority.Population), entry.PopulationBand);
        Assert.Equal(results.Overall.ScoreValue, entry.Overall);
        var scored = results.Topics.Where(t => t.ScoreValue is not null).ToDictionary(t => t.Key, t => t.ScoreValue!.Value);
        Assert.Equal(scored.OrderBy(p => p.Key), entry.TopicScores.ToDictionary(s => s.TopicKey, s => s.Score).OrderBy(p => p.Key));
    }

    [Theory]
    [InlineData(null, PopulationBand.Unknown)]
    [InlineData(999L, PopulationBand.Under1000)]
    [InlineData(1_000L, PopulationBand.From1000To4999)]
    [InlineData(19_999L, PopulationBand.From5000To19999)]
    [InlineData(100_000L, PopulationBand.From100000To499999)]
    [InlineData(3_600_000L, PopulationBand.From500000)]
    public void Population_bands_start_at_their_lower_bound(long? population, PopulationBand band) =>
        Assert.Equal(band, PopulationBands.For(population));
}
