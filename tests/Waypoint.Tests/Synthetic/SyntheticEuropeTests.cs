using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Waypoint.Data.Assessments;
using Waypoint.Data.Authorities;
using Waypoint.Data.Organisations;
using Waypoint.Features.Assessments;
using Waypoint.Features.Synthetic;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Synthetic;

public sealed class SyntheticEuropeTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    /// <summary>Luxembourg: about a hundred communes, its regions and the member state; small enough for a test.</summary>
    private static readonly SyntheticPlan Luxembourg = new(Rounds: 2, Countries: ["LU"]);

    private async Task<SyntheticOutcome> GenerateAsync(SyntheticPlan plan)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SyntheticEurope>().GenerateAsync(plan, CancellationToken.None);
    }

    [Fact]
    public async Task Every_generated_assessment_is_submitted_complete_flagged_synthetic_and_recorded_with_the_scores_of_its_answers()
    {
        var outcome = await GenerateAsync(Luxembourg);

        var questionnaire = factory.Questionnaire();
        var luxembourg = await factory.WithDbAsync(db => db.Authorities.CountAsync(a => a.CountryCode == "LU" && a.Status == AuthorityStatus.Active));
        Assert.Equal(luxembourg, outcome.Written.Organisations);
        Assert.Equal(2 * luxembourg, outcome.Written.Assessments);
        Assert.Equal(2L * luxembourg * questionnaire.QuestionsByKey.Count, outcome.Written.Answers);

        var assessments = await factory.WithDbAsync(db => db.Assessments.AsNoTracking()
            .Where(a => a.Organisation.IsSynthetic)
            .Include(a => a.Answers)
            .ToListAsync());
        var entries = await factory.WithDbAsync(db => db.BenchmarkEntries.AsNoTracking().Include(e => e.TopicScores)
            .Where(e => e.IsSynthetic).ToDictionaryAsync(e => e.AssessmentId));
        Assert.Equal(outcome.Written.Assessments, assessments.Count);
        Assert.Equal(assessments.Count, entries.Count);
        Assert.All(assessments, assessment =>
        {
            Assert.Equal(AssessmentStatus.Submitted, assessment.Status);
            Assert.NotNull(assessment.SubmittedAt);
            Assert.Equal(questionnaire.Version, assessment.QuestionnaireVersion);
            Assert.Equal(questionnaire.QuestionsByKey.Count, assessment.Answers.Count);
            Assert.Empty(AssessmentService.Missing(questionnaire, assessment.Answers.Select(a => (a.QuestionKey, a.Choice, a.Level, a.Value))));

            var score = AssessmentResults.ScoreOf(questionnaire, assessment.Answers.Select(a => (a.QuestionKey, a.Choice, a.Level)));
            var entry = entries[assessment.Id];
            Assert.True(entry.IsSynthetic);
            Assert.Equal(assessment.Round, entry.Round);
            Assert.Equal(assessment.OrganisationId, entry.OrganisationId);
            Assert.Equal(score.Overall.Score?.Value, entry.Overall);
            Assert.Equal(
                score.Topics.Where(t => t.Score is not null).ToDictionary(t => t.Key, t => t.Score!.Value.Value).OrderBy(p => p.Key),
                entry.TopicScores.ToDictionary(s => s.TopicKey, s => s.Score).OrderBy(p => p.Key));
        });
        Assert.Equal([AssessmentScenario.ThisYear - 1, AssessmentScenario.ThisYear], assessments.Select(a => a.Round).Distinct().Order());
        Assert.All(assessments, a => Assert.True(a.SubmittedAt <= DateTimeOffset.UtcNow, "Nothing is submitted in the future."));
    }

    [Fact]
    public async Task A_rerun_replaces_the_synthetic_data_with_the_same_for_the_same_seed_and_leaves_real_organisations_untouched()
    {
        // A real organisation with a submitted assessment, and one that speaks for a commune of the slice.
        using var team = await factory.CreateTeamAsync();
        var real = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerEverythingAsync(real.Id, factory.Questionnaire(), (_, i) => 1 + (i % 5));
        (await team.AdminApi.PostAsync($"/api/v1/assessments/{real.Id}/submit", null)).EnsureSuccessStatusCode();
        var commune = await factory.WithDbAsync(async db =>
        {
            var authority = await db.Authorities.Where(a => a.CountryCode == "LU" && a.Type == AuthorityType.Municipality).OrderBy(a => a.Id).FirstAsync();
            db.Organisations.Add(new Organisation { Id = Guid.NewGuid(), AuthorityId = authority.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return authority.Id;
        });
        var realBefore = await RealSnapshotAsync();

        var first = await GenerateAsync(Luxembourg);
        var syntheticAfterFirst = await SyntheticSnapshotAsync();
        var second = await GenerateAsync(Luxembourg);

        Assert.Equal(first.Written, second.Written);
        Assert.Equal(first.Written.Total, second.RemovedRows);
        Assert.Equal(syntheticAfterFirst, await SyntheticSnapshotAsync());
        Assert.Equal(realBefore, await RealSnapshotAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Organisations.CountAsync(o => o.AuthorityId == commune)));
        Assert.Equal(second.Written.Assessments, await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.Organisation.IsSynthetic)));
    }

    [Fact]
    public async Task Another_seed_gives_other_answers()
    {
        await GenerateAsync(Luxembourg);
        var first = await SyntheticSnapshotAsync();
        await GenerateAsync(Luxembourg with { Seed = 7 });
        Assert.NotEqual(first, await SyntheticSnapshotAsync());
    }

    [Fact]
    public async Task The_command_generates_the_slice_its_arguments_ask_for()
    {
        using var output = new StringWriter();
        var exit = await SyntheticCommand.RunAsync(["--countries", "MT", "--rounds", "1", "--seed", "3"], factory.Services, Environment("Testing"), output, CancellationToken.None);

        Assert.Equal(0, exit);
        var malta = await factory.WithDbAsync(db => db.Authorities.CountAsync(a => a.CountryCode == "MT" && a.Status == AuthorityStatus.Active));
        Assert.Equal(malta, await factory.WithDbAsync(db => db.Organisations.CountAsync(o => o.IsSynthetic)));
        Assert.Equal(malta, await factory.WithDbAsync(db => db.BenchmarkEntries.CountAsync(e => e.IsSynthetic && e.CountryCode == "MT" && e.Round == AssessmentScenario.ThisYear)));
        Assert.Contains("assessments", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_is_refused_in_Production_and_changes_nothing()
    {
        var before = await SyntheticSnapshotAsync();
        using var output = new StringWriter();

        var exit = await SyntheticCommand.RunAsync(["--countries", "LU"], factory.Services, Environment(Environments.Production), output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("Refused", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Production", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await SyntheticSnapshotAsync());
    }

    [Theory]
    [InlineData("--rounds", "0", "--rounds must be a whole number from 1 to 10")]
    [InlineData("--fraction", "1.5", "--fraction must be a number above 0 and at most 1")]
    [InlineData("--countries", "LU,XX", "unknown: XX")]
    [InlineData("--seed", "-1", "--seed must be a whole number")]
    [InlineData("--colour", "blue", "Unknown option '--colour'")]
    public async Task The_command_explains_arguments_to_correct_and_changes_nothing(string option, string value, string message)
    {
        using var output = new StringWriter();
        var exit = await SyntheticCommand.RunAsync([option, value], factory.Services, Environment("Testing"), output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage: synthetic-europe", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_remove_option_removes_every_synthetic_row_and_nothing_else()
    {
        await GenerateAsync(Luxembourg);
        var real = await RealSnapshotAsync();
        using var output = new StringWriter();

        var exit = await SyntheticCommand.RunAsync(["--remove"], factory.Services, Environment("Testing"), output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.False(await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.IsSynthetic)));
        Assert.False(await factory.WithDbAsync(db => db.BenchmarkEntries.AnyAsync(e => e.IsSynthetic)));
        Assert.False(await factory.WithDbAsync(db => db.Answers.AnyAsync(a => a.UpdatedById == SyntheticModel.AuthorId)));
        Assert.Equal(real, await RealSnapshotAsync());
    }

    private Task<string> RealSnapshotAsync() => factory.WithDbAsync(async db =>
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => !o.IsSynthetic).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.AuthorityId, o.Version }).ToListAsync();
        var assessments = await db.Assessments.AsNoTracking().Where(a => !a.Organisation.IsSynthetic).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Status, a.Version, Answers = a.Answers.Count }).ToListAsync();
        var entries = await db.BenchmarkEntries.AsNoTracking().Where(e => !e.IsSynthetic).OrderBy(e => e.AssessmentId)
            .Select(e => new { e.AssessmentId, e.Overall, Topics = e.TopicScores.Count }).ToListAsync();
        return JsonSerializer.Serialize(new { organisations, assessments, entries });
    });

    private Task<string> SyntheticSnapshotAsync() => factory.WithDbAsync(async db =>
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.IsSynthetic).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.AuthorityId, o.LivingInEuStatus, o.ResultsPublished }).ToListAsync();
        var answers = await db.Answers.AsNoTracking().Where(a => a.Assessment.Organisation.IsSynthetic)
            .OrderBy(a => a.AssessmentId).ThenBy(a => a.QuestionKey)
            .Select(a => new { a.AssessmentId, a.QuestionKey, a.Choice, a.Level, a.Value }).ToListAsync();
        var entries = await db.BenchmarkEntries.AsNoTracking().Where(e => e.IsSynthetic).OrderBy(e => e.AssessmentId)
            .Select(e => new { e.AssessmentId, e.Overall }).ToListAsync();
        return JsonSerializer.Serialize(new { organisations, answers, entries });
    });

    private static TestEnvironment Environment(string name) => new() { EnvironmentName = name };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "Waypoint";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
