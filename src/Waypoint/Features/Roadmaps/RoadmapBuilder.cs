using System.Collections.Immutable;
using Waypoint.Data.Recommendations;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Recommendations;

namespace Waypoint.Features.Roadmaps;

/// <summary>Why an action is on the roadmap: the topic's score, the organisation's target and the gap between them,
/// and the answers that made its recommendation apply.</summary>
/// <param name="Gap">Target minus score, in points; null without a target or a score; 0 when the target is reached.</param>
internal sealed record ActionReason(string TopicKey, Score? Score, int? Target, double? Gap, ImmutableArray<TriggeringAnswer> Answers);

/// <summary>One action of a generated roadmap.</summary>
internal sealed record PlannedAction(RecommendationDefinition Recommendation, RecommendationHorizon Horizon, int Position, ActionReason Reason);

/// <summary>
/// Builds a roadmap from the recommendations that apply to a submitted assessment and the organisation's topic targets.
/// Pure. Actions are grouped by the horizon of their recommendation (quick wins, one year, three years); within a
/// horizon, the topics with the largest gap to their target come first, then the lowest scores, then questionnaire order.
/// </summary>
internal static class RoadmapBuilder
{
    public static ImmutableArray<PlannedAction> Build(
        Questionnaire questionnaire,
        AssessmentScore scores,
        IReadOnlyList<MatchedRecommendation> matched,
        IReadOnlyDictionary<string, int> targets)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(matched);
        ArgumentNullException.ThrowIfNull(targets);

        var topicOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < questionnaire.Topics.Length; i++) topicOrder[questionnaire.Topics[i].Key] = i;

        var candidates = matched.Select((m, index) => (Match: m, Index: index, Reason: ReasonFor(m.Recommendation.TopicKey, scores, targets, m.Answers)));
        var result = ImmutableArray.CreateBuilder<PlannedAction>(matched.Count);
        foreach (var horizon in Enum.GetValues<RecommendationHorizon>())
        {
            var position = 0;
            foreach (var c in candidates
                .Where(c => c.Match.Recommendation.Horizon == horizon)
                .OrderByDescending(c => c.Reason.Gap ?? double.MinValue)
                .ThenBy(c => c.Reason.Score?.Value ?? double.MaxValue)
                .ThenBy(c => topicOrder.GetValueOrDefault(c.Match.Recommendation.TopicKey, int.MaxValue))
                .ThenBy(c => c.Index))
            {
                result.Add(new PlannedAction(c.Match.Recommendation, horizon, position++, c.Reason));
            }
        }
        return result.ToImmutable();
    }

    public static ActionReason ReasonFor(string topicKey, AssessmentScore scores, IReadOnlyDictionary<string, int> targets, ImmutableArray<TriggeringAnswer> answers)
    {
        var score = scores.FindTopic(topicKey)?.Score;
        int? target = targets.TryGetValue(topicKey, out var t) ? t : null;
        double? gap = score is { } s && target is { } goal ? Math.Max(0, goal - s.Value) : null;
        return new ActionReason(topicKey, score, target, gap, answers);
    }
}
