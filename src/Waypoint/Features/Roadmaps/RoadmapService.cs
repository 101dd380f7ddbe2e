using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Assessments;
using Waypoint.Data.Organisations;
using Waypoint.Data.Recommendations;
using Waypoint.Data.Roadmaps;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Organisations;
using Waypoint.Features.Recommendations;

namespace Waypoint.Features.Roadmaps;

/// <summary>
/// Generating, reading and editing an organisation's roadmap. Members of the organisation read it; contributors and
/// admins change it; anyone else gets "not found" and nothing changes. Building the roadmap is <see cref="RoadmapBuilder"/>'s
/// pure work.
/// </summary>
internal sealed class RoadmapService(
    WaypointDbContext db,
    OrganisationAccess access,
    RecommendationService recommendations,
    DatabaseWriteGate writeGate,
    TimeProvider clock,
    IStringLocalizer<Program> l)
{
    /// <summary>At most this many good practices of other organisations are shown with an action.</summary>
    public const int GoodPracticesPerAction = 3;

    /// <summary>An organisation has at most this many actions in a roadmap.</summary>
    public const int MaximumActions = 200;

    private Failure NotFound() => Failure.NotFound(l["There is no roadmap with this id among those of your organisations."]);

    /// <summary>The id of the roadmap made from an assessment, when the person is a member of its organisation.</summary>
    public async Task<Guid?> FindForAssessmentAsync(ClaimsPrincipal user, Guid assessmentId, CancellationToken cancellationToken)
    {
        var row = await db.Roadmaps.AsNoTracking().Where(r => r.AssessmentId == assessmentId)
            .Select(r => new { r.Id, r.OrganisationId }).FirstOrDefaultAsync(cancellationToken);
        if (row is null || await access.RoleOfAsync(user, row.OrganisationId, cancellationToken) is null) return null;
        return row.Id;
    }

    // ---- generating -----------------------------------------------------------------------------------------------

    /// <summary>Generates the roadmap of a submitted assessment (contributors and admins). When it exists already, the
    /// existing one is refused as a conflict naming its id.</summary>
    public async Task<Outcome<RoadmapDto>> CreateAsync(ClaimsPrincipal user, Guid assessmentId, CancellationToken cancellationToken)
    {
        var context = await recommendations.ContextAsync(user, assessmentId, cancellationToken);
        if (!context.Succeeded) return Outcome<RoadmapDto>.Refused(context.Failure!);
        var match = context.Value!;
        if (await access.RequireAsync(user, match.OrganisationId, OrganisationRole.Contributor, cancellationToken) is { } denied)
            return Outcome<RoadmapDto>.Refused(denied);
        if (match.Status != AssessmentStatus.Submitted)
            return Outcome<RoadmapDto>.Refused(Failure.Conflict(l["A roadmap is made from a submitted assessment. Submit the assessment first."]));
        if (await db.Roadmaps.AsNoTracking().Where(r => r.AssessmentId == assessmentId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
            return Outcome<RoadmapDto>.Refused(Exists(existing));

        var plan = await PlanAsync(match, cancellationToken);
        var now = clock.GetUtcNow();
        var roadmap = new Roadmap
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = match.OrganisationId,
            AssessmentId = assessmentId,
            Round = match.Round,
            CreatedAt = now,
            CreatedById = OrganisationAccess.UserIdOf(user)!,
            UpdatedAt = now,
        };
        foreach (var action in plan)
        {
            roadmap.Actions.Add(new RoadmapAction
            {
                Id = Guid.CreateVersion7(),
                Horizon = action.Horizon,
                Position = action.Position,
                RecommendationKey = action.Recommendation.Key,
                TopicKey = action.Recommendation.TopicKey,
                InvolvesProcurement = action.Recommendation.InvolvesProcurement,
            });
        }
        using (await writeGate.EnterAsync(cancellationToken))
        {
            db.Roadmaps.Add(roadmap);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                var winner = await db.Roadmaps.AsNoTracking().Where(r => r.AssessmentId == assessmentId).Select(r => r.Id).FirstAsync(cancellationToken);
                return Outcome<RoadmapDto>.Refused(Exists(winner));
            }
        }
        return await GetAsync(user, roadmap.Id, cancellationToken);
    }

    private Failure Exists(Guid id) =>
        Failure.Conflict(l["This assessment has a roadmap already: {0}.", id]) with { CurrentVersion = null };

    private async Task<ImmutableArray<PlannedAction>> PlanAsync(MatchContext match, CancellationToken cancellationToken)
    {
        var matched = RecommendationMatcher.Match(match.Questionnaire, match.Answers, match.Scores,
            await recommendations.ActiveAsync(cancellationToken), match.Level);
        return RoadmapBuilder.Build(match.Questionnaire, match.Scores, matched, await TargetsAsync(match.OrganisationId, cancellationToken));
    }

    private Task<Dictionary<string, int>> TargetsAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.TopicTargets.AsNoTracking().Where(t => t.OrganisationId == organisationId)
            .ToDictionaryAsync(t => t.TopicKey, t => t.TargetScore, StringComparer.Ordinal, cancellationToken);

    // ---- reading --------------------------------------------------------------------------------------------------

    public async Task<Outcome<RoadmapDto>> GetAsync(ClaimsPrincipal user, Guid roadmapId, CancellationToken cancellationToken)
    {
        var roadmap = await db.Roadmaps.AsNoTracking().Where(r => r.Id == roadmapId)
            .Select(r => new { r.Id, r.OrganisationId, OrganisationName = r.Organisation.Authority.Name, r.AssessmentId, r.Round, r.CreatedAt, r.UpdatedAt, r.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (roadmap is null) return Outcome<RoadmapDto>.Refused(NotFound());
        var role = await access.RoleOfAsync(user, roadmap.OrganisationId, cancellationToken);
        if (role is null) return Outcome<RoadmapDto>.Refused(NotFound());

        var context = (await recommendations.ContextAsync(user, roadmap.AssessmentId, cancellationToken)).Value!;
        var definitions = await recommendations.AllByKeyAsync(cancellationToken);
        var matched = RecommendationMatcher.Match(context.Questionnaire, context.Answers, context.Scores, [.. definitions.Values], context.Level)
            .ToDictionary(m => m.Recommendation.Key, StringComparer.Ordinal);
        var targets = await TargetsAsync(roadmap.OrganisationId, cancellationToken);
        var actions = await db.RoadmapActions.AsNoTracking().Where(a => a.RoadmapId == roadmapId).ToListAsync(cancellationToken);
        var practices = await GoodPracticesAsync(roadmap.OrganisationId, actions.Select(a => a.TopicKey).OfType<string>().Distinct().ToList(), cancellationToken);
        var checklist = RoadmapChecklist.For(l);
        var catalogueLink = await recommendations.CatalogueLinksAsync(
            actions.Select(a => a.RecommendationKey).OfType<string>().SelectMany(k => definitions.GetValueOrDefault(k)?.CatalogueKeys ?? []), cancellationToken);

        RoadmapActionDto ToDto(RoadmapAction a)
        {
            var definition = a.RecommendationKey is { } key ? definitions.GetValueOrDefault(key) : null;
            var (title, text) = definition is null ? (a.Title ?? "", a.Description) : recommendations.Localize(definition);
            ActionReasonDto? reason = null;
            if (a.TopicKey is { } topicKey && context.Questionnaire.FindSection(topicKey) is { } topic)
            {
                var answers = a.RecommendationKey is { } k && matched.TryGetValue(k, out var m) ? m.Answers : [];
                var r = RoadmapBuilder.ReasonFor(topicKey, context.Scores, targets, answers);
                reason = new ActionReasonDto(topicKey, topic.Title, r.Score?.Rounded, r.Target, r.Gap is { } gap ? Math.Round((decimal)gap, 1) : null,
                    [.. r.Answers.Select(t => RecommendationService.Reason(context.Questionnaire, t))]);
            }
            return new RoadmapActionDto(a.Id, RecommendationFormat.HorizonName(a.Horizon), a.Position, definition is null && a.RecommendationKey is null,
                a.RecommendationKey, a.TopicKey, title, definition is null ? a.Description : text, a.Link, a.Owner, a.DueDate,
                RoadmapInput.StatusName(a.Status), a.InvolvesProcurement, reason,
                definition is null ? [] : [.. definition.CatalogueKeys.Select(catalogueLink)],
                a.TopicKey is { } pk && practices.TryGetValue(pk, out var list) ? list : [],
                a.InvolvesProcurement ? checklist : []);
        }

        var horizons = Enum.GetValues<RecommendationHorizon>()
            .Select(h => new RoadmapHorizonDto(RecommendationFormat.HorizonName(h),
                [.. actions.Where(a => a.Horizon == h).OrderBy(a => a.Position).ThenBy(a => a.Id).Select(ToDto)]))
            .ToList();
        return Outcome<RoadmapDto>.Success(new RoadmapDto(roadmap.Id, roadmap.OrganisationId, roadmap.OrganisationName, roadmap.AssessmentId, roadmap.Round,
            roadmap.CreatedAt, roadmap.UpdatedAt, roadmap.Version, role >= OrganisationRole.Contributor, horizons));
    }

    /// <summary>Good practices that other organisations described in submitted assessments and chose to publish, by topic.</summary>
    private async Task<Dictionary<string, IReadOnlyList<GoodPracticeLinkDto>>> GoodPracticesAsync(Guid organisationId, List<string> topics, CancellationToken cancellationToken)
    {
        var rows = await db.TopicGoodPractices.AsNoTracking()
            .Where(g => topics.Contains(g.TopicKey) && g.SolutionName != null
                && g.Assessment.Status == AssessmentStatus.Submitted
                && g.Assessment.OrganisationId != organisationId
                && g.Assessment.Organisation.ResultsPublished)
            .OrderByDescending(g => g.Assessment.Round).ThenBy(g => g.AssessmentId)
            .Select(g => new { g.TopicKey, OrganisationName = g.Assessment.Organisation.Authority.Name, g.SolutionName, g.Url })
            .Take(GoodPracticesPerAction * 10)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.TopicKey).ToDictionary(g => g.Key,
            g => (IReadOnlyList<GoodPracticeLinkDto>)[.. g.Take(GoodPracticesPerAction).Select(r => new GoodPracticeLinkDto(r.OrganisationName, r.SolutionName!, r.Url))]);
    }

    // ---- editing --------------------------------------------------------------------------------------------------

    /// <summary>Loads the roadmap for a change by a contributor or admin of its organisation, made on the version the person
    /// read. When someone changed the roadmap since, the change is refused as a conflict naming the current version.</summary>
    private async Task<(Roadmap? Roadmap, Failure? Failure)> ForChangeAsync(ClaimsPrincipal user, Guid roadmapId, int version, CancellationToken cancellationToken)
    {
        var roadmap = await db.Roadmaps.Include(r => r.Actions).FirstOrDefaultAsync(r => r.Id == roadmapId, cancellationToken);
        if (roadmap is null || await access.RoleOfAsync(user, roadmap.OrganisationId, cancellationToken) is null) return (null, NotFound());
        if (await access.RequireAsync(user, roadmap.OrganisationId, OrganisationRole.Contributor, cancellationToken) is { } denied) return (null, denied);
        if (roadmap.Version != version) return (null, Stale(version, roadmap.Version));
        return (roadmap, null);
    }

    /// <summary>A change made on a version of the roadmap that is no longer the stored one.</summary>
    private Failure Stale(int read, int current)
    {
        string message = l["Someone else changed this roadmap after you read it (you had version {0}, it is now at {1}). Nothing was saved: read the roadmap again and make your change on version {1}.", read, current];
        return Failure.Conflict(message) with { CurrentVersion = current };
    }

    /// <summary>Every change must name the version of the roadmap it was made on.</summary>
    private void RequireVersion(int? version, FieldErrors errors)
    {
        if (version is null) errors.Add("version", l["Send the version of the roadmap you read (the version field of the roadmap)."]);
    }

    public async Task<Outcome<RoadmapActionDto>> AddActionAsync(ClaimsPrincipal user, Guid roadmapId, AddActionRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var title = RoadmapInput.Text("title", request.Title, RoadmapAction.TitleMaxLength, l["The title"], errors, l);
        if (title is null) errors.Add("title", l["Write what the action is, in a short title."]);
        var description = RoadmapInput.Text("description", request.Description, RoadmapAction.DescriptionMaxLength, l["The description"], errors, l);
        var link = RoadmapInput.Link(request.Link, errors, l);
        var horizon = RoadmapInput.Horizon(request.Horizon, errors, l);
        if (horizon is null && string.IsNullOrWhiteSpace(request.Horizon)) errors.Add("horizon", l["Choose the horizon: quick_win (three months or less), one_year or three_years."]);
        var owner = RoadmapInput.Text("owner", request.Owner, RoadmapAction.OwnerMaxLength, l["The owner"], errors, l);
        var due = RoadmapInput.DueDate(request.DueDate, errors, l);
        var status = RoadmapInput.Status(request.Status, errors, l);
        RequireVersion(request.Version, errors);
        if (errors.Any) return Outcome<RoadmapActionDto>.Refused(errors.ToFailure());

        var (roadmap, failure) = await ForChangeAsync(user, roadmapId, request.Version!.Value, cancellationToken);
        if (failure is not null) return Outcome<RoadmapActionDto>.Refused(failure);
        if (roadmap!.Actions.Count >= MaximumActions)
            return Outcome<RoadmapActionDto>.Refused(Failure.Conflict(l["A roadmap holds at most {0} actions; remove some before adding more.", MaximumActions]));
        var action = new RoadmapAction
        {
            Id = Guid.CreateVersion7(),
            RoadmapId = roadmap.Id,
            Horizon = horizon!.Value,
            Position = roadmap.Actions.Where(a => a.Horizon == horizon).Select(a => a.Position + 1).DefaultIfEmpty(0).Max(),
            Title = title,
            Description = description,
            Link = link,
            Owner = owner,
            DueDate = due,
            Status = status ?? RoadmapActionStatus.Planned,
            InvolvesProcurement = request.InvolvesProcurement == true,
        };
        db.RoadmapActions.Add(action);
        return await SaveAndReadAsync(user, roadmap, action.Id, cancellationToken);
    }

    public async Task<Outcome<RoadmapActionDto>> UpdateActionAsync(ClaimsPrincipal user, Guid roadmapId, Guid actionId, UpdateActionRequest request,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var title = RoadmapInput.Text("title", request.Title, RoadmapAction.TitleMaxLength, l["The title"], errors, l);
        var description = RoadmapInput.Text("description", request.Description, RoadmapAction.DescriptionMaxLength, l["The description"], errors, l);
        var link = RoadmapInput.Link(request.Link, errors, l);
        var horizon = RoadmapInput.Horizon(request.Horizon, errors, l);
        var owner = RoadmapInput.Text("owner", request.Owner, RoadmapAction.OwnerMaxLength, l["The owner"], errors, l);
        var due = RoadmapInput.DueDate(request.DueDate, errors, l);
        var status = RoadmapInput.Status(request.Status, errors, l);
        RequireVersion(request.Version, errors);
        if (errors.Any) return Outcome<RoadmapActionDto>.Refused(errors.ToFailure());

        var (roadmap, failure) = await ForChangeAsync(user, roadmapId, request.Version!.Value, cancellationToken);
        if (failure is not null) return Outcome<RoadmapActionDto>.Refused(failure);
        var action = roadmap!.Actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null) return Outcome<RoadmapActionDto>.Refused(Failure.NotFound(l["This roadmap has no action with this id."]));
        var own = action.RecommendationKey is null;
        if (!own && (request.Title is not null || request.Description is not null || request.Link is not null))
            return Outcome<RoadmapActionDto>.Refused(Failure.Invalid("title", l["The title, description and link of an action from a recommendation come from the recommendation; add your own action to write your own."]));
        if (own && request.Title is not null)
        {
            if (title is null) return Outcome<RoadmapActionDto>.Refused(Failure.Invalid("title", l["Write what the action is, in a short title."]));
            action.Title = title;
        }
        if (own && request.Description is not null) action.Description = description;
        if (own && request.Link is not null) action.Link = link;
        if (request.Owner is not null) action.Owner = owner;
        if (request.DueDate is not null) action.DueDate = due;
        if (status is { } s) action.Status = s;
        if (horizon is { } h && h != action.Horizon)
        {
            action.Horizon = h;
            action.Position = roadmap.Actions.Where(a => a.Horizon == h && a.Id != action.Id).Select(a => a.Position + 1).DefaultIfEmpty(0).Max();
        }
        return await SaveAndReadAsync(user, roadmap, action.Id, cancellationToken);
    }

    public async Task<Outcome<RoadmapDto>> RemoveActionAsync(ClaimsPrincipal user, Guid roadmapId, Guid actionId, int? version, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        RequireVersion(version, errors);
        if (errors.Any) return Outcome<RoadmapDto>.Refused(errors.ToFailure());
        var (roadmap, failure) = await ForChangeAsync(user, roadmapId, version!.Value, cancellationToken);
        if (failure is not null) return Outcome<RoadmapDto>.Refused(failure);
        var action = roadmap!.Actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null) return Outcome<RoadmapDto>.Refused(Failure.NotFound(l["This roadmap has no action with this id."]));
        db.RoadmapActions.Remove(action);
        if (await SaveAsync(roadmap, cancellationToken) is { } conflict) return Outcome<RoadmapDto>.Refused(conflict);
        return await GetAsync(user, roadmapId, cancellationToken);
    }

    /// <summary>Moves an action one place up or down within its horizon.</summary>
    public async Task<Outcome<RoadmapDto>> MoveActionAsync(ClaimsPrincipal user, Guid roadmapId, Guid actionId, MoveActionRequest request, CancellationToken cancellationToken)
    {
        var up = request.Direction?.Trim() switch { "up" => true, "down" => false, _ => (bool?)null };
        var errors = new FieldErrors();
        if (up is null) errors.Add("direction", l["Send the direction: up or down."]);
        RequireVersion(request.Version, errors);
        if (errors.Any) return Outcome<RoadmapDto>.Refused(errors.ToFailure());
        var (roadmap, failure) = await ForChangeAsync(user, roadmapId, request.Version!.Value, cancellationToken);
        if (failure is not null) return Outcome<RoadmapDto>.Refused(failure);
        var action = roadmap!.Actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null) return Outcome<RoadmapDto>.Refused(Failure.NotFound(l["This roadmap has no action with this id."]));

        var ordered = roadmap.Actions.Where(a => a.Horizon == action.Horizon).OrderBy(a => a.Position).ThenBy(a => a.Id).ToList();
        var index = ordered.IndexOf(action);
        var other = up!.Value ? index - 1 : index + 1;
        if (other >= 0 && other < ordered.Count)
        {
            (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
            for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i;
            if (await SaveAsync(roadmap, cancellationToken) is { } conflict) return Outcome<RoadmapDto>.Refused(conflict);
        }
        return await GetAsync(user, roadmapId, cancellationToken);
    }

    private void Touch(Roadmap roadmap)
    {
        roadmap.UpdatedAt = clock.GetUtcNow();
        roadmap.Version++;
    }

    /// <summary>Saves a change and moves the roadmap's version. The version is the concurrency token: when a colleague saved
    /// between our read and this write, nothing is written and the change is refused as stale.</summary>
    private async Task<Failure?> SaveAsync(Roadmap roadmap, CancellationToken cancellationToken)
    {
        var read = roadmap.Version;
        Touch(roadmap);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Roadmaps.AsNoTracking().Where(r => r.Id == roadmap.Id).Select(r => r.Version).FirstOrDefaultAsync(cancellationToken);
            return Stale(read, current);
        }
    }

    private async Task<Outcome<RoadmapActionDto>> SaveAndReadAsync(ClaimsPrincipal user, Roadmap roadmap, Guid actionId, CancellationToken cancellationToken)
    {
        if (await SaveAsync(roadmap, cancellationToken) is { } conflict) return Outcome<RoadmapActionDto>.Refused(conflict);
        var read = await GetAsync(user, roadmap.Id, cancellationToken);
        return read.Succeeded
            ? Outcome<RoadmapActionDto>.Success(read.Value!.Actions.First(a => a.Id == actionId))
            : Outcome<RoadmapActionDto>.Refused(read.Failure!);
    }

    // ---- progress -------------------------------------------------------------------------------------------------

    /// <summary>For the results of a later round: the organisation's latest earlier roadmap, and how the scores of its
    /// actions' topics moved since. Null when there is none or the person is not a member.</summary>
    public async Task<RoadmapProgressDto?> ProgressAsync(ClaimsPrincipal user, Guid assessmentId, CancellationToken cancellationToken)
    {
        var context = await recommendations.ContextAsync(user, assessmentId, cancellationToken);
        if (!context.Succeeded) return null;
        var now = context.Value!;
        var previous = await db.Roadmaps.AsNoTracking()
            .Where(r => r.OrganisationId == now.OrganisationId && r.Round < now.Round)
            .OrderByDescending(r => r.Round)
            .Select(r => new { r.Id, r.AssessmentId, r.Round })
            .FirstOrDefaultAsync(cancellationToken);
        if (previous is null) return null;
        var then = (await recommendations.ContextAsync(user, previous.AssessmentId, cancellationToken)).Value!;
        var actions = await db.RoadmapActions.AsNoTracking().Where(a => a.RoadmapId == previous.Id && a.TopicKey != null)
            .OrderBy(a => a.Horizon).ThenBy(a => a.Position).ToListAsync(cancellationToken);
        var definitions = await recommendations.AllByKeyAsync(cancellationToken);
        var topics = new List<TopicProgressDto>();
        foreach (var topic in now.Questionnaire.Topics)
        {
            var inTopic = actions.Where(a => a.TopicKey == topic.Key).ToList();
            if (inTopic.Count == 0) continue;
            Score? before = then.Scores.FindTopic(topic.Key)?.Score, after = now.Scores.FindTopic(topic.Key)?.Score;
            decimal? change = before is { } b && after is { } a ? a.Rounded - b.Rounded : null;
            topics.Add(new TopicProgressDto(topic.Key, topic.Title, before?.Rounded, after?.Rounded, change,
                [.. inTopic.Select(a => new ProgressActionDto(
                    a.RecommendationKey is { } key && definitions.TryGetValue(key, out var d) ? recommendations.Localize(d).Title : a.Title ?? "",
                    RoadmapInput.StatusName(a.Status)))]));
        }
        return new RoadmapProgressDto(previous.Id, previous.Round, now.Round, topics);
    }
}
