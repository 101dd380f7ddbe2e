using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Organisations;
using Waypoint.Features.Organisations;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Dashboard;

/// <summary>The score (0–100) an organisation aims for in a topic, as the API returns it.</summary>
internal sealed record TargetDto(string Topic, int Target, DateTimeOffset UpdatedAt);

/// <summary>Whether an organisation publishes its results.</summary>
internal sealed record PublicationDto(bool Published);

/// <summary>
/// What members change on their dashboard: the targets per topic (contributors and admins) and whether the
/// organisation publishes its results (admins). Validation and access are decided here, so that the page and the API
/// refuse the same things with the same words.
/// </summary>
internal sealed class DashboardService(WaypointDbContext db, OrganisationAccess access, TimeProvider clock, IStringLocalizer<Program> l)
{
    public const int MinimumTarget = 0;
    public const int MaximumTarget = 100;

    /// <summary>Sets one topic's target. <paramref name="target"/> as given (null when missing).</summary>
    public async Task<Outcome<TargetDto>> SetTargetAsync(ClaimsPrincipal user, Guid organisationId, string topicKey, decimal? target,
        CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Contributor, cancellationToken) is { } refused)
            return Outcome<TargetDto>.Refused(refused);
        if (!IsTopic(topicKey)) return Outcome<TargetDto>.Refused(UnknownTopic(topicKey));
        if (CheckTarget(target) is { } message) return Outcome<TargetDto>.Refused(Failure.Invalid("target", message));

        var stored = await StoreAsync(user, organisationId, new Dictionary<string, int?> { [topicKey] = (int)target!.Value }, cancellationToken);
        return Outcome<TargetDto>.Success(stored.Single());
    }

    /// <summary>Sets or removes several targets at once, as the dashboard's form sends them: text by topic key, empty to
    /// remove. Nothing is stored unless every value is valid; the errors are keyed by topic.</summary>
    public async Task<Outcome<IReadOnlyList<TargetDto>>> SetTargetsAsync(ClaimsPrincipal user, Guid organisationId,
        IReadOnlyDictionary<string, string?> given, CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Contributor, cancellationToken) is { } refused)
            return Outcome<IReadOnlyList<TargetDto>>.Refused(refused);
        var errors = new FieldErrors();
        var targets = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (key, text) in given)
        {
            if (!IsTopic(key))
            {
                errors.Add(key, UnknownTopic(key).Message);
                continue;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                targets[key] = null;
                continue;
            }
            decimal? value = decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.CurrentCulture, out var parsed)
                || decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out parsed) ? parsed : null;
            if (value is null) errors.Add(key, l["'{0}' is not a number. Give a whole number from 0 to 100, or leave it empty for no target.", text.Trim()]);
            else if (CheckTarget(value) is { } message) errors.Add(key, message);
            else targets[key] = (int)value.Value;
        }
        if (errors.Any) return Outcome<IReadOnlyList<TargetDto>>.Refused(errors.ToFailure());
        return Outcome<IReadOnlyList<TargetDto>>.Success(await StoreAsync(user, organisationId, targets, cancellationToken));
    }

    /// <summary>Removes one topic's target; removing one that is not set is no error.</summary>
    public async Task<Outcome<bool>> RemoveTargetAsync(ClaimsPrincipal user, Guid organisationId, string topicKey, CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Contributor, cancellationToken) is { } refused)
            return Outcome<bool>.Refused(refused);
        if (!IsTopic(topicKey)) return Outcome<bool>.Refused(UnknownTopic(topicKey));
        var removed = await db.TopicTargets.Where(t => t.OrganisationId == organisationId && t.TopicKey == topicKey).ExecuteDeleteAsync(cancellationToken);
        return Outcome<bool>.Success(removed > 0);
    }

    /// <summary>Publishes or withdraws the organisation's results (admins). Its benchmark entries are marked as changed,
    /// so that every web node re-reads them at its next refresh.</summary>
    public async Task<Outcome<PublicationDto>> SetPublishedAsync(ClaimsPrincipal user, Guid organisationId, bool? published,
        CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Admin, cancellationToken) is { } refused)
            return Outcome<PublicationDto>.Refused(refused);
        if (published is not { } value) return Outcome<PublicationDto>.Refused(Failure.Invalid("published", l["Say true to publish the results or false to keep them private."]));

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Organisations.Where(o => o.Id == organisationId && o.ResultsPublished != value)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ResultsPublished, value), cancellationToken);
        if (changed > 0)
        {
            await db.BenchmarkEntries.Where(e => e.OrganisationId == organisationId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.RecordedAt, now), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome<PublicationDto>.Success(new PublicationDto(value));
    }

    private async Task<IReadOnlyList<TargetDto>> StoreAsync(ClaimsPrincipal user, Guid organisationId, IReadOnlyDictionary<string, int?> targets,
        CancellationToken cancellationToken)
    {
        var userId = OrganisationAccess.UserIdOf(user) ?? "";
        var now = clock.GetUtcNow();
        var keys = targets.Keys.ToList();
        var existing = await db.TopicTargets.Where(t => t.OrganisationId == organisationId && keys.Contains(t.TopicKey)).ToDictionaryAsync(t => t.TopicKey, cancellationToken);
        var stored = new List<TargetDto>();
        foreach (var (key, value) in targets)
        {
            existing.TryGetValue(key, out var target);
            if (value is null)
            {
                if (target is not null) db.TopicTargets.Remove(target);
                continue;
            }
            if (target is null)
            {
                target = new TopicTarget { OrganisationId = organisationId, TopicKey = key, UpdatedById = userId };
                db.TopicTargets.Add(target);
            }
            if (target.TargetScore != value.Value || db.Entry(target).State == EntityState.Added)
            {
                target.TargetScore = value.Value;
                target.UpdatedAt = now;
                target.UpdatedById = userId;
            }
            stored.Add(new TargetDto(key, target.TargetScore, target.UpdatedAt));
        }
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    private static bool IsTopic(string key) => Questionnaire.TopicKeys.Contains(key);

    private string? CheckTarget(decimal? target) => target switch
    {
        null => l["Give a target: a whole number from 0 to 100."].Value,
        < MinimumTarget or > MaximumTarget => l["A target is a score from 0 to 100; {0} is outside.", target.Value.ToString(CultureInfo.CurrentCulture)].Value,
        _ when target.Value != decimal.Truncate(target.Value) => l["A target is a whole number from 0 to 100; {0} is not whole.", target.Value.ToString(CultureInfo.CurrentCulture)].Value,
        _ => null,
    };

    private Failure UnknownTopic(string key) =>
        Failure.NotFound(l["'{0}' is not a topic. Use one of: {1}.", key, string.Join(", ", Questionnaire.TopicKeys)].Value);
}
