using Microsoft.Extensions.Localization;
using Waypoint.Data.Assessments;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Assessments;

/// <summary>Turns stored answers into the results the API, the pages and the exports show, through
/// <see cref="AssessmentScorer"/> (the method of docs/scoring.md). Pure.</summary>
internal static class AssessmentResults
{
    /// <summary>Points of one level step: level L is worth (L − 1) × 25.</summary>
    public const int PointsPerStep = Score.Maximum / (ScaleAnswer.HighestLevel - ScaleAnswer.LowestLevel);

    public static ResultsDto Compute(Guid assessmentId, int round, AssessmentStatus status, Questionnaire questionnaire,
        IEnumerable<(string Key, AnswerChoice Choice, int? Level)> answers, IStringLocalizer l)
    {
        var scale = ScaleAnswers(questionnaire, answers);
        var score = AssessmentScorer.Calculate(questionnaire, scale);
        var topics = questionnaire.Topics.Select(section =>
        {
            var topic = score.FindTopic(section.Key)!;
            var points = section.ScoredQuestions
                .Select(q => scale.TryGetValue(q.Key, out var a) && a.IsLevel ? (a.Level - ScaleAnswer.LowestLevel) * PointsPerStep : 0)
                .Sum();
            return new TopicResultDto(topic.Key, section.Title, topic.Score?.Rounded, topic.Score?.Value, topic.Level,
                topic.Answered, topic.ScoredQuestions, topic.DontKnow, topic.NotApplicable, topic.Unanswered, points);
        }).ToList();
        var overall = new OverallResultDto(score.Overall.Score?.Rounded, score.Overall.Score?.Value, score.Overall.Level,
            score.Overall.TopicsCovered, score.Overall.TopicCount);
        return new ResultsDto(assessmentId, round, status, score.QuestionnaireVersion, overall, topics);
    }

    /// <summary>The scores alone, for whoever stores them (the benchmark entry written at submission).</summary>
    public static AssessmentScore ScoreOf(Questionnaire questionnaire, IEnumerable<(string Key, AnswerChoice Choice, int? Level)> answers) =>
        AssessmentScorer.Calculate(questionnaire, ScaleAnswers(questionnaire, answers));

    private static Dictionary<string, ScaleAnswer> ScaleAnswers(Questionnaire questionnaire, IEnumerable<(string Key, AnswerChoice Choice, int? Level)> answers)
    {
        var scale = new Dictionary<string, ScaleAnswer>(StringComparer.Ordinal);
        foreach (var (key, choice, level) in answers)
        {
            if (questionnaire.FindQuestion(key) is { Scored: true } && AnswerRules.ToScaleAnswer(choice, level) is { } answer) scale[key] = answer;
        }
        return scale;
    }
}
