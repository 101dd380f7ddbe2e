using System.Collections.Immutable;
using Waypoint.Data.Recommendations;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Recommendations;

/// <summary>One answer that made a recommendation apply: the question and the level it was answered with.</summary>
internal readonly record struct TriggeringAnswer(string QuestionKey, int Level);

/// <param name="ByBand">True when the topic's band is one of the recommendation's bands.</param>
/// <param name="TopicScore">The topic's score, null when it had too few answers.</param>
/// <param name="Answers">The answers that triggered it: those matching its answer rules, and for a band match the
/// lowest answers of the topic that hold its score in that band.</param>
internal sealed record MatchedRecommendation(
    RecommendationDefinition Recommendation,
    bool ByBand,
    Score? TopicScore,
    ImmutableArray<TriggeringAnswer> Answers)
{
    public MaturityLevel? Band => TopicScore?.Level;
}

/// <summary>
/// Decides which recommendations apply to an assessment, and why. Pure: the same questionnaire, answers and scores
/// always give the same recommendations in the same order (questionnaire topic order, then the library's order).
/// A recommendation applies when its topic's maturity band is one of its bands, or when any of its answer rules
/// matches an answer; "don't know", "not applicable" and unanswered questions never trigger anything, and a topic
/// without a score (too few answers) matches no band.
/// </summary>
internal static class RecommendationMatcher
{
    /// <summary>How many of a topic's lowest answers a band match names as its reason.</summary>
    public const int BandReasons = 3;

    public static ImmutableArray<MatchedRecommendation> Match(
        Questionnaire questionnaire,
        IReadOnlyDictionary<string, ScaleAnswer> answers,
        AssessmentScore scores,
        IReadOnlyList<RecommendationDefinition> library,
        RecommendationLevel? level = null)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(library);

        var matched = ImmutableArray.CreateBuilder<MatchedRecommendation>();
        var triggers = new List<TriggeringAnswer>();
        foreach (var topic in questionnaire.Topics)
        {
            var topicScore = scores.FindTopic(topic.Key)?.Score;
            foreach (var recommendation in library)
            {
                if (recommendation.TopicKey != topic.Key) continue;
                if (level is { } wanted && recommendation.Level != wanted) continue;

                triggers.Clear();
                foreach (var rule in recommendation.Answers)
                {
                    if (answers.TryGetValue(rule.QuestionKey, out var answer) && rule.Matches(answer))
                        triggers.Add(new TriggeringAnswer(rule.QuestionKey, answer.Level));
                }
                var byBand = topicScore is { } score && recommendation.Bands.Contains(score.Level);
                if (!byBand && triggers.Count == 0) continue;
                if (byBand) AddLowestAnswers(topic, answers, topicScore!.Value.Level, triggers);
                matched.Add(new MatchedRecommendation(recommendation, byBand, topicScore, [.. triggers]));
            }
        }
        return matched.ToImmutable();
    }

    /// <summary>The topic's answers at or below the band's number (level 1 for Starting, 2 for Developing, …), lowest
    /// first, in questionnaire order within a level; at most <see cref="BandReasons"/> besides the rule triggers.</summary>
    private static void AddLowestAnswers(Section topic, IReadOnlyDictionary<string, ScaleAnswer> answers, MaturityLevel band, List<TriggeringAnswer> triggers)
    {
        var added = 0;
        for (var level = ScaleAnswer.LowestLevel; level <= (int)band && added < BandReasons; level++)
        {
            foreach (var question in topic.ScoredQuestions)
            {
                if (added == BandReasons) break;
                if (!answers.TryGetValue(question.Key, out var answer) || !answer.IsLevel || answer.Level != level) continue;
                if (triggers.Exists(t => t.QuestionKey == question.Key)) continue;
                triggers.Add(new TriggeringAnswer(question.Key, level));
                added++;
            }
        }
    }

    /// <summary>The level of recommendations that speak to an authority of this type about its own work.</summary>
    public static RecommendationLevel LevelFor(Data.Authorities.AuthorityType type) => type switch
    {
        Data.Authorities.AuthorityType.MemberState => RecommendationLevel.National,
        Data.Authorities.AuthorityType.Region => RecommendationLevel.Regional,
        _ => RecommendationLevel.Local,
    };
}
