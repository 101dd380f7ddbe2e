using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Organisations;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks.Cube;
using Waypoint.Features.Benchmarks.Statistics;
using Waypoint.Features.Organisations;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Benchmarks;

/// <summary>Turns the current snapshot into what the API and the pages show, in the reader's language. Figures are
/// rounded to one decimal, as the results page shows scores.</summary>
internal sealed class BenchmarkReports(BenchmarkStore store, Countries countries, RegionNames regions, QuestionnaireCatalog catalog, WaypointDbContext db,
    OrganisationAccess access, IStringLocalizer<Program> l)
{
    public BenchmarkSnapshot Snapshot => store.Current;

    public int MinimumGroupSize => store.Current.Cube.MinimumGroupSize;

    private Questionnaire? LocalQuestionnaire =>
        catalog.Current is { } current ? catalog.Localize(current, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) : null;

    public BenchmarkDto Describe(BenchmarkSnapshot snapshot, PeerGroup group, int? measure)
    {
        var questionnaire = LocalQuestionnaire;
        var measures = measure is { } m
            ? [Measure(snapshot.Describe(group, m), questionnaire)]
            : snapshot.Describe(group).Measures.Select(s => Measure(s, questionnaire)).ToList();
        return new BenchmarkDto(Group(group), MinimumGroupSize, measures, DataAsOf(snapshot));
    }

    public PeerGroupDto Group(PeerGroup group) =>
        new(group.Round, group.Country, group.Nuts2Code, group.AuthorityType, group.PopulationBand, BenchmarkLabels.Group(group, countries, regions, l));

    public MeasureDto Measure(MeasureStatistics statistics, Questionnaire? questionnaire)
    {
        var title = BenchmarkLabels.Measure(statistics.Measure, questionnaire, l);
        if (statistics.Distribution is not { } d)
            return new MeasureDto(statistics.Measure, title, true, BenchmarkLabels.ReasonCode(statistics.Suppressed), null, null, null, null, null, null, null);
        return new MeasureDto(statistics.Measure, title, false, null, d.Count,
            Round(d.P10), Round(d.Q1), Round(d.Median), Round(d.Q3), Round(d.P90), Round(d.Mean));
    }

    /// <summary>An organisation's own benchmark, for its members only; null when the user may not see it.</summary>
    public async Task<OwnBenchmarkDto?> OwnAsync(ClaimsPrincipal user, Guid organisationId, PeerGroup? custom, int? round,
        CancellationToken cancellationToken)
    {
        var context = await OwnContextAsync(user, organisationId, cancellationToken);
        return context is null ? null : Own(context, store.Current, custom, round);
    }

    /// <summary>What an organisation's own benchmark reads from the database (the access check, its name, whether it
    /// publishes its results, its targets); null when the user may not see it. Three small queries by key: the rest
    /// comes from the snapshot in memory.</summary>
    public async Task<OwnContext?> OwnContextAsync(ClaimsPrincipal user, Guid organisationId, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(user, organisationId, OrganisationRole.Viewer, cancellationToken);
        if (!check.Allowed) return null;
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.Authority.Name, o.ResultsPublished, o.IsSynthetic }).FirstAsync(cancellationToken);
        var targets = await db.TopicTargets.AsNoTracking().Where(t => t.OrganisationId == organisationId)
            .Select(t => new OwnTarget(t.TopicKey, t.TargetScore, t.UpdatedAt)).ToListAsync(cancellationToken);
        targets.Sort((a, b) => BenchmarkMeasures.IndexOf(a.TopicKey).CompareTo(BenchmarkMeasures.IndexOf(b.TopicKey)));
        return new OwnContext(organisationId, organisation.Name, organisation.ResultsPublished, check.Role, targets, organisation.IsSynthetic);
    }

    /// <summary>The own benchmark from a context already read and one snapshot. Pure: lookups in the cube only.</summary>
    public OwnBenchmarkDto Own(OwnContext context, BenchmarkSnapshot snapshot, PeerGroup? custom, int? round)
    {
        var questionnaire = LocalQuestionnaire;
        var own = snapshot.RecordsOf(context.OrganisationId);
        var record = round is { } r ? own.FirstOrDefault(o => o.Round == r) : own.LastOrDefault();
        var groups = new List<OwnGroupDto>();
        if (record is not null)
        {
            var standard = PeerGroup.StandardFor(record.Round, record.CountryCode, record.Nuts2Code, record.AuthorityType, record.PopulationBand).ToList();
            if (custom is not null) standard.Add(("custom", custom with { Round = record.Round }));
            foreach (var (key, group) in standard)
            {
                var measures = Enumerable.Range(0, BenchmarkMeasures.Count).Select(m =>
                {
                    var score = record.Scores[m];
                    var statistics = snapshot.Describe(group, m);
                    return new OwnMeasureDto(statistics.Measure, BenchmarkLabels.Measure(statistics.Measure, questionnaire, l),
                        float.IsNaN(score) ? null : Round(score), Round(snapshot.PercentileRank(group, m, score)), Measure(statistics, questionnaire));
                }).ToList();
                groups.Add(WithSynthetic(new OwnGroupDto(key, Group(group), measures), snapshot, group));
            }
        }
        var progress = own.Select(o => new OwnRoundDto(o.Round,
            [.. BenchmarkMeasures.Keys.Select((key, m) => new OwnScoreDto(key, float.IsNaN(o.Scores[m]) ? null : Round(o.Scores[m])))])).ToList();
        var latest = own.LastOrDefault();
        var ownTargets = context.Targets.Select(t =>
        {
            var m = BenchmarkMeasures.IndexOf(t.TopicKey);
            var current = latest is null || m < 0 || float.IsNaN(latest.Scores[m]) ? (double?)null : latest.Scores[m];
            return new OwnTargetDto(t.TopicKey, t.Target, current is null ? null : Round(Math.Max(0, t.Target - current.Value)));
        }).ToList();
        return new OwnBenchmarkDto(context.OrganisationId, context.Name, record?.Round, groups, progress, ownTargets, MinimumGroupSize, DataAsOf(snapshot))
        {
            ResultsPublished = context.ResultsPublished,
            IsSynthetic = context.IsSynthetic,
        };
    }

    /// <summary>Says whether synthetic organisations are among a shown group's members, and how many when that reveals
    /// no small group (see <see cref="BenchmarkSnapshot.SyntheticCountToShow"/>).</summary>
    private OwnGroupDto WithSynthetic(OwnGroupDto dto, BenchmarkSnapshot snapshot, PeerGroup group)
    {
        if (dto.Measures[BenchmarkMeasures.OverallIndex].Group is not { Suppressed: false, Count: { } size }) return dto;
        var synthetic = snapshot.SyntheticCountToShow(group, size);
        return synthetic == 0 ? dto : dto with { IncludesSynthetic = true, SyntheticMembers = synthetic };
    }

    private static DateTimeOffset? DataAsOf(BenchmarkSnapshot snapshot) =>
        snapshot.LastRecordedAt == DateTimeOffset.MinValue ? null : snapshot.LastRecordedAt;

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
}
