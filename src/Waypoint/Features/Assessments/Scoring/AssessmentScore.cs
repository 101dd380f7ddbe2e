using System.Collections.Immutable;

namespace Waypoint.Features.Assessments.Scoring;

/// <summary>The scores of one assessment, always with the questionnaire version they were computed with.</summary>
internal sealed record AssessmentScore(string QuestionnaireVersion, OverallScore Overall, ImmutableArray<TopicScore> Topics)
{
    public TopicScore? FindTopic(string key)
    {
        foreach (var topic in Topics)
        {
            if (topic.Key == key) return topic;
        }
        return null;
    }
}

/// <param name="Score">The mean of the topic scores that have a number; null when no topic has enough answers.</param>
/// <param name="TopicsCovered">How many topics have a score (k in "k of 7").</param>
/// <param name="TopicCount">How many topics the questionnaire has (7).</param>
internal sealed record OverallScore(Score? Score, int TopicsCovered, int TopicCount)
{
    public MaturityLevel? Level => Score?.Level;
}

/// <param name="Score">Null when fewer than half of the topic's scored questions were answered with a level ("not enough answers").</param>
/// <param name="Answered">Questions answered with a level from 1 to 5; only these count in the score.</param>
/// <param name="ScoredQuestions">All scored questions of the topic.</param>
/// <param name="DontKnow">Questions answered "don't know".</param>
/// <param name="NotApplicable">Questions answered "not applicable".</param>
/// <param name="Unanswered">Questions with no answer at all.</param>
internal sealed record TopicScore(string Key, Score? Score, int Answered, int ScoredQuestions, int DontKnow, int NotApplicable, int Unanswered)
{
    public MaturityLevel? Level => Score?.Level;

    public bool HasEnoughAnswers => Score is not null;
}
