using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Data.Assessments;
using Waypoint.Data.Recommendations;
using Waypoint.Features.Assessments;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Organisations;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Toolbox;

namespace Waypoint.Features.Recommendations;

/// <summary>What an assessment needs to be matched: its questionnaire (in the reader's language), answers and scores.</summary>
internal sealed record MatchContext(
    Guid AssessmentId,
    Guid OrganisationId,
    int Round,
    AssessmentStatus Status,
    RecommendationLevel Level,
    Questionnaire Questionnaire,
    IReadOnlyDictionary<string, ScaleAnswer> Answers,
    AssessmentScore Scores);

/// <summary>
/// The recommendations of one assessment (organisation members only), the policy view of a group (coordinators),
/// and the library as editors manage it. Matching itself is <see cref="RecommendationMatcher"/>'s pure work.
/// </summary>
internal sealed class RecommendationService(
    WaypointDbContext db,
    QuestionnaireCatalog catalog,
    RecommendationLibrary library,
    OrganisationAccess access,
    IOptions<BenchmarkOptions> benchmarkOptions,
    PolicyViewCache policyViews,
    ToolboxCatalog toolbox,
    TimeProvider clock,
    IStringLocalizer<Program> l)
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<IReadOnlyList<RecommendationDefinition>> ActiveAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Recommendations.AsNoTracking().Where(r => !r.Retired).OrderBy(r => r.Key).ToListAsync(cancellationToken);
        return [.. rows.Select(RecommendationDefinition.From)];
    }

    public async Task<IReadOnlyDictionary<string, RecommendationDefinition>> AllByKeyAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Recommendations.AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, RecommendationDefinition.From, StringComparer.Ordinal);
    }

    /// <summary>Reads what matching an assessment needs, when <paramref name="user"/> is a member of its organisation;
    /// anyone else (platform admins included) gets "not found".</summary>
    public async Task<Outcome<MatchContext>> ContextAsync(ClaimsPrincipal user, Guid assessmentId, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId)
            .Select(a => new { a.Id, a.OrganisationId, a.Round, a.Status, a.QuestionnaireVersion, a.Organisation.Authority.Type })
            .FirstOrDefaultAsync(cancellationToken);
        if (assessment is null || await access.RoleOfAsync(user, assessment.OrganisationId, cancellationToken) is null)
            return Outcome<MatchContext>.Refused(Failure.NotFound(l["There is no assessment with this id among those of your organisations."]));
        var answers = await db.Answers.AsNoTracking().Where(a => a.AssessmentId == assessmentId)
            .Select(a => new { a.QuestionKey, a.Choice, a.Level }).ToListAsync(cancellationToken);
        var questionnaire = catalog.Localize(catalog.Find(assessment.QuestionnaireVersion)
            ?? throw new InvalidOperationException($"Questionnaire version {assessment.QuestionnaireVersion} is missing."), Language);
        return Outcome<MatchContext>.Success(Context(assessment.Id, assessment.OrganisationId, assessment.Round, assessment.Status,
            RecommendationMatcher.LevelFor(assessment.Type), questionnaire, answers.Select(a => (a.QuestionKey, a.Choice, a.Level))));
    }

    public static MatchContext Context(Guid assessmentId, Guid organisationId, int round, AssessmentStatus status, RecommendationLevel level,
        Questionnaire questionnaire, IEnumerable<(string Key, AnswerChoice Choice, int? Level)> answers)
    {
        var list = answers.ToList();
        var scale = new Dictionary<string, ScaleAnswer>(StringComparer.Ordinal);
        foreach (var (key, choice, answerLevel) in list)
        {
            if (questionnaire.FindQuestion(key) is { Scored: true } && AnswerRules.ToScaleAnswer(choice, answerLevel) is { } answer) scale[key] = answer;
        }
        return new MatchContext(assessmentId, organisationId, round, status, level, questionnaire, scale, AssessmentResults.ScoreOf(questionnaire, list));
    }

    /// <summary>The recommendations that apply to a submitted assessment, at its authority's level.</summary>
    public async Task<Outcome<AssessmentRecommendationsDto>> ForAssessmentAsync(ClaimsPrincipal user, Guid assessmentId, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(user, assessmentId, cancellationToken);
        if (!context.Succeeded) return Outcome<AssessmentRecommendationsDto>.Refused(context.Failure!);
        if (context.Value!.Status != AssessmentStatus.Submitted)
            return Outcome<AssessmentRecommendationsDto>.Refused(Failure.Conflict(l["Recommendations are given once the assessment is submitted."]));
        var matched = RecommendationMatcher.Match(context.Value.Questionnaire, context.Value.Answers, context.Value.Scores,
            await ActiveAsync(cancellationToken), context.Value.Level);
        var links = await CatalogueLinksAsync(matched.SelectMany(m => m.Recommendation.CatalogueKeys), cancellationToken);
        return Outcome<AssessmentRecommendationsDto>.Success(Describe(context.Value, matched, links));
    }

    /// <summary>Makes the links to these catalogue entries, named in the reader's language (one query for them all); a
    /// key the catalogue no longer has is named by itself.</summary>
    public async Task<Func<string, CatalogueLinkDto>> CatalogueLinksAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var names = (await toolbox.FindAsync(keys, Language, cancellationToken)).ToDictionary(t => t.Key, t => t.Name, StringComparer.Ordinal);
        return key => new CatalogueLinkDto(key, names.GetValueOrDefault(key) ?? key, CatalogueKeys.PathOf(key));
    }

    public AssessmentRecommendationsDto Describe(MatchContext context, IReadOnlyList<MatchedRecommendation> matched, Func<string, CatalogueLinkDto> link)
    {
        var topics = new List<RecommendationTopicDto>();
        foreach (var topic in context.Questionnaire.Topics)
        {
            var items = matched.Where(m => m.Recommendation.TopicKey == topic.Key).Select(m => Describe(context.Questionnaire, m, link)).ToList();
            if (items.Count == 0) continue;
            var score = context.Scores.FindTopic(topic.Key)?.Score;
            topics.Add(new RecommendationTopicDto(topic.Key, topic.Title, score?.Rounded, score?.Level, items));
        }
        return new AssessmentRecommendationsDto(context.AssessmentId, context.Round, context.Level.ToString().ToLowerInvariant(), matched.Count, topics);
    }

    public AppliedRecommendationDto Describe(Questionnaire questionnaire, MatchedRecommendation match, Func<string, CatalogueLinkDto> link)
    {
        var r = match.Recommendation;
        var (title, text) = library.Localize(r.Key, Language, r.Title, r.Text);
        return new AppliedRecommendationDto(r.Key, r.Level.ToString().ToLowerInvariant(), r.TopicKey, title, text,
            RecommendationFormat.HorizonName(r.Horizon), r.InvolvesProcurement, match.ByBand,
            [.. match.Answers.Select(a => Reason(questionnaire, a))],
            [.. r.CatalogueKeys.Select(link)]);
    }

    public static RecommendationReasonDto Reason(Questionnaire questionnaire, TriggeringAnswer answer)
    {
        var question = questionnaire.FindQuestion(answer.QuestionKey);
        var levelText = question is not null && answer.Level >= 1 && answer.Level <= question.Levels.Length ? question.Levels[answer.Level - 1] : "";
        return new RecommendationReasonDto(answer.QuestionKey, question?.Title ?? answer.QuestionKey, answer.Level, levelText);
    }

    public (string Title, string Text) Localize(RecommendationDefinition r) => library.Localize(r.Key, Language, r.Title, r.Text);

    // ---- policy view ----------------------------------------------------------------------------------------------

    /// <summary>How often each recommendation, of every level, applies among the submitted assessments of a round,
    /// optionally of one country or NUTS-2 region. Counts below the minimum group size are never given. A view counted
    /// less than <see cref="RecommendationOptions.PolicyCacheDuration"/> ago is served as it was.</summary>
    public Task<PolicyViewDto> PolicyAsync(int? round, string? country, string? nuts2, CancellationToken cancellationToken) =>
        policyViews.GetOrCountAsync(round, country, nuts2, () => CountPolicyAsync(round, country, nuts2, cancellationToken));

    private async Task<PolicyViewDto> CountPolicyAsync(int? round, string? country, string? nuts2, CancellationToken cancellationToken)
    {
        var minimum = benchmarkOptions.Value.MinimumGroupSize;
        var entries = db.BenchmarkEntries.AsNoTracking();
        var theRound = round ?? await entries.Select(e => (int?)e.Round).MaxAsync(cancellationToken) ?? clock.GetUtcNow().Year;
        entries = entries.Where(e => e.Round == theRound);
        if (!string.IsNullOrEmpty(country)) entries = entries.Where(e => e.CountryCode == country);
        if (!string.IsNullOrEmpty(nuts2)) entries = entries.Where(e => e.Nuts2Code == nuts2);

        var group = await entries.Select(e => new { e.AssessmentId, e.QuestionnaireVersion }).ToListAsync(cancellationToken);
        if (group.Count < minimum) return new PolicyViewDto(theRound, country, nuts2, group.Count, minimum, null, clock.GetUtcNow());

        var answers = await db.Answers.AsNoTracking()
            .Where(a => a.Choice == AnswerChoice.Level && entries.Any(e => e.AssessmentId == a.AssessmentId))
            .Select(a => new { a.AssessmentId, a.QuestionKey, a.Choice, a.Level })
            .ToListAsync(cancellationToken);
        var byAssessment = answers.ToLookup(a => a.AssessmentId);
        var definitions = await ActiveAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in group)
        {
            if (catalog.Find(entry.QuestionnaireVersion) is not { } questionnaire) continue;
            var context = Context(entry.AssessmentId, Guid.Empty, theRound, AssessmentStatus.Submitted, RecommendationLevel.Local, questionnaire,
                byAssessment[entry.AssessmentId].Select(a => (a.QuestionKey, a.Choice, a.Level)));
            foreach (var match in RecommendationMatcher.Match(questionnaire, context.Answers, context.Scores, definitions))
                counts[match.Recommendation.Key] = counts.GetValueOrDefault(match.Recommendation.Key) + 1;
        }

        var current = catalog.Current is { } q ? catalog.Localize(q, Language) : null;
        var rows = definitions.Where(d => counts.ContainsKey(d.Key))
            .Select(d =>
            {
                var count = counts[d.Key];
                var shown = count >= minimum;
                return new PolicyRowDto(d.Key, d.Level.ToString().ToLowerInvariant(), d.TopicKey,
                    current?.FindSection(d.TopicKey)?.Title ?? d.TopicKey, Localize(d).Title,
                    shown ? count : null, shown ? (double)count / group.Count : null);
            })
            .OrderBy(r => r.Level == "local" ? 0 : r.Level == "regional" ? 1 : 2)
            .ThenByDescending(r => r.Count ?? 0).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new PolicyViewDto(theRound, country, nuts2, group.Count, minimum, rows, clock.GetUtcNow());
    }

    // ---- editors --------------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<RecommendationDto>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Recommendations.AsNoTracking().OrderBy(r => r.Level).ThenBy(r => r.TopicKey).ThenBy(r => r.Key).ToListAsync(cancellationToken);
        return [.. rows.Select(ToDto)];
    }

    public async Task<RecommendationDto?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var row = await db.Recommendations.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
        return row is null ? null : ToDto(row);
    }

    /// <summary>Adds (<paramref name="existingKey"/> null) or changes a recommendation. A change names the version it was
    /// based on; a stale one is refused. Marks the row as edited, so the library file no longer overwrites it.</summary>
    public async Task<Outcome<RecommendationDto>> SaveAsync(ClaimsPrincipal user, string? existingKey, RecommendationDraft draft, bool retired,
        int? version, CancellationToken cancellationToken)
    {
        var questionnaire = catalog.Current ?? throw new InvalidOperationException("No questionnaire is published.");
        var (definition, errors) = RecommendationValidation.Validate(existingKey is null ? draft : draft with { Key = existingKey }, questionnaire, l);
        if (definition is null) return Outcome<RecommendationDto>.Refused(Failure.Invalid(errors));

        var now = clock.GetUtcNow();
        Recommendation row;
        if (existingKey is null)
        {
            if (await db.Recommendations.AnyAsync(r => r.Key == definition.Key, cancellationToken))
                return Outcome<RecommendationDto>.Refused(Failure.Invalid("key", l["A recommendation with the key {0} exists already; choose another key.", definition.Key]));
            row = new Recommendation { Key = definition.Key, TopicKey = definition.TopicKey, Title = definition.Title, Text = definition.Text };
            db.Recommendations.Add(row);
        }
        else
        {
            row = await db.Recommendations.FirstOrDefaultAsync(r => r.Key == existingKey, cancellationToken)
                ?? throw new KeyNotFoundException(existingKey);
            if (version != row.Version)
                return Outcome<RecommendationDto>.Refused(Failure.Conflict(l["Someone changed this recommendation after you opened it. Reload it, then make your change again."]) with { CurrentVersion = row.Version });
            row.Version++;
        }
        Apply(row, definition);
        row.Retired = retired;
        row.EditedAt = now;
        row.EditedById = OrganisationAccess.UserIdOf(user);
        row.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<RecommendationDto>.Refused(Failure.Conflict(l["Someone changed this recommendation after you opened it. Reload it, then make your change again."]));
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<RecommendationDto>.Refused(Failure.Invalid("key", l["A recommendation with the key {0} exists already; choose another key.", definition.Key]));
        }
        return Outcome<RecommendationDto>.Success(ToDto(row));
    }

    public static void Apply(Recommendation row, RecommendationDefinition d)
    {
        row.Level = d.Level;
        row.TopicKey = d.TopicKey;
        row.Bands = RecommendationFormat.FormatBands(d.Bands);
        row.AnswerRules = RecommendationFormat.FormatRules(d.Answers);
        row.CatalogueKeys = string.Join(",", d.CatalogueKeys);
        row.Horizon = d.Horizon;
        row.InvolvesProcurement = d.InvolvesProcurement;
        row.Title = d.Title;
        row.Text = d.Text;
    }

    private static RecommendationDto ToDto(Recommendation row)
    {
        var d = RecommendationDefinition.From(row);
        return new RecommendationDto(row.Key, row.Level.ToString().ToLowerInvariant(), row.TopicKey,
            [.. d.Bands.Select(RecommendationFormat.BandName)], [.. d.Answers.Select(a => a.ToString())], d.CatalogueKeys,
            RecommendationFormat.HorizonName(row.Horizon), row.InvolvesProcurement, row.Title, row.Text, row.Retired, row.EditedAt is not null, row.Version);
    }
}
