using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Assessments.Scoring;

/// <summary>
/// Computes topic and overall scores from an assessment's answers, as described in docs/scoring.md. Pure: no I/O,
/// no clock, no state; the same questionnaire and answers always give the same scores.
/// </summary>
internal static class AssessmentScorer
{
    /// <summary>Each level above 1 is worth 25 points: (level − 1) / 4 × 100.</summary>
    private const int PointsPerStep = Score.Maximum / (ScaleAnswer.HighestLevel - ScaleAnswer.LowestLevel);

    /// <summary>
    /// Scores <paramref name="answers"/> (question key → answer; an unanswered question is absent) against
    /// <paramref name="questionnaire"/>. Answers to keys the questionnaire does not score are ignored: checking that
    /// answers belong to the questionnaire is the job of whoever accepts them.
    /// </summary>
    public static AssessmentScore Calculate(Questionnaire questionnaire, IReadOnlyDictionary<string, ScaleAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);

        var topics = questionnaire.Topics;
        var results = new TopicScore[topics.Length];
        Span<Score> covered = stackalloc Score[topics.Length];
        var coveredCount = 0;

        for (var t = 0; t < topics.Length; t++)
        {
            var topic = topics[t];
            var questions = topic.ScoredQuestions;
            int answered = 0, dontKnow = 0, notApplicable = 0, steps = 0;
            foreach (var question in questions)
            {
                if (!answers.TryGetValue(question.Key, out var answer)) continue;
                switch (answer.Kind)
                {
                    case ScaleAnswerKind.Level:
                        answered++;
                        steps += answer.Level - ScaleAnswer.LowestLevel;
                        break;
                    case ScaleAnswerKind.DontKnow:
                        dontKnow++;
                        break;
                    case ScaleAnswerKind.NotApplicable:
                        notApplicable++;
                        break;
                }
            }

            Score? score = null;
            if (HasEnoughAnswers(answered, questions.Length))
            {
                var value = Score.FromFraction((long)steps * PointsPerStep, answered);
                covered[coveredCount++] = value;
                score = value;
            }
            var unanswered = questions.Length - answered - dontKnow - notApplicable;
            results[t] = new TopicScore(topic.Key, score, answered, questions.Length, dontKnow, notApplicable, unanswered);
        }

        var overall = new OverallScore(
            coveredCount == 0 ? null : Score.Mean(covered[..coveredCount]),
            coveredCount,
            topics.Length);
        return new AssessmentScore(questionnaire.Version, overall, ImmutableCollectionsMarshal.AsImmutableArray(results));
    }

    /// <summary>At least half of the topic's scored questions answered with a level, and at least one.</summary>
    public static bool HasEnoughAnswers(int answeredWithLevel, int scoredQuestions) =>
        answeredWithLevel > 0 && answeredWithLevel * 2 >= scoredQuestions;
}
