using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Data.GoodPractices;
using Waypoint.Data.Organisations;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Organisations;

namespace Waypoint.Features.GoodPractices;

/// <summary>A topic where the organisation scored below the median of its round, and what strong peers shared about it.</summary>
/// <param name="OwnScore">The organisation's own score: its members may see it.</param>
/// <param name="Median">The median of all the round's scores in the topic (never fewer than the minimum group size).</param>
/// <param name="Practices">Approved good practices of the topic from organisations in the top quarter of the round in it.
/// Only the fact that they are strong is shown, never their score.</param>
internal sealed record WeakTopic(string TopicKey, string Topic, double OwnScore, double Median, int GroupSize, IReadOnlyList<GoodPracticeEntryDto> Practices);

/// <summary>The organisation's latest submitted round and its weak topics; null round when it has submitted none.</summary>
internal sealed record PeerStrengthsDto(Guid OrganisationId, int? Round, IReadOnlyList<WeakTopic> WeakTopics);

/// <summary>
/// "Peers strong where you are weak": for each topic in which the organisation's latest submitted score is below the
/// median of all the benchmark entries of that round, the approved good practices of that topic from organisations
/// whose score in it is in the round's top quarter. A topic whose round has fewer entries than the minimum group size
/// is left out, so that no statistic describes too few organisations.
/// </summary>
internal sealed class PeerStrengths(WaypointDbContext db, OrganisationAccess access, TopicNames topics, IOptions<BenchmarkOptions> options)
{
    /// <summary>At most this many good practices per topic, newest approval first.</summary>
    public const int PracticesPerTopic = 10;

    public async Task<Outcome<PeerStrengthsDto>> ForAsync(ClaimsPrincipal user, Guid organisationId, CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Viewer, cancellationToken) is { } denied)
            return Outcome<PeerStrengthsDto>.Refused(denied);

        var latest = await db.BenchmarkEntries.AsNoTracking()
            .Where(e => e.OrganisationId == organisationId)
            .OrderByDescending(e => e.Round)
            .Select(e => new { e.AssessmentId, e.Round })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null) return Outcome<PeerStrengthsDto>.Success(new PeerStrengthsDto(organisationId, null, []));

        var own = await db.BenchmarkTopicScores.AsNoTracking()
            .Where(s => s.AssessmentId == latest.AssessmentId)
            .ToDictionaryAsync(s => s.TopicKey, s => s.Score, cancellationToken);
        var weak = new List<WeakTopic>();
        foreach (var topicKey in Questionnaires.Questionnaire.TopicKeys)
        {
            if (!own.TryGetValue(topicKey, out var ownScore)) continue;
            var round = latest.Round;
            var scores = await db.BenchmarkTopicScores.AsNoTracking()
                .Where(s => s.TopicKey == topicKey && db.BenchmarkEntries.Any(e => e.AssessmentId == s.AssessmentId && e.Round == round))
                .Select(s => s.Score)
                .ToListAsync(cancellationToken);
            if (scores.Count < options.Value.MinimumGroupSize) continue;
            scores.Sort();
            var median = Quantile(scores, 0.5);
            if (ownScore >= median) continue;
            var strong = Quantile(scores, 0.75);
            var practices = await db.SharedGoodPractices.AsNoTracking()
                .Where(p => p.Status == GoodPracticeStatus.Approved && p.TopicKey == topicKey && p.OrganisationId != organisationId
                    && db.BenchmarkEntries.Any(e => e.OrganisationId == p.OrganisationId && e.Round == round
                        && db.BenchmarkTopicScores.Any(s => s.AssessmentId == e.AssessmentId && s.TopicKey == topicKey && s.Score >= strong)))
                .OrderByDescending(p => p.DecidedAt).ThenBy(p => p.Id)
                .Take(PracticesPerTopic)
                .ToListAsync(cancellationToken);
            weak.Add(new WeakTopic(topicKey, topics.Title(topicKey), ownScore, Math.Round(median, 1, MidpointRounding.AwayFromZero), scores.Count,
                [.. practices.Select(p => new GoodPracticeEntryDto(p.Id, p.TopicKey, topics.Title(p.TopicKey), p.Title, p.Url, p.Description,
                    p.AuthorityId, p.AuthorityName, p.CountryCode, p.AuthorityType, p.PopulationBand, p.Round, p.DecidedAt))]));
        }
        return Outcome<PeerStrengthsDto>.Success(new PeerStrengthsDto(organisationId, latest.Round, weak));
    }

    /// <summary>The quantile of sorted values with linear interpolation between the two nearest ranks (the method of
    /// spreadsheets' PERCENTILE.INC): the median of 1, 2, 3, 4 is 2.5, its 0.75 quantile 3.25.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(sorted));
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
