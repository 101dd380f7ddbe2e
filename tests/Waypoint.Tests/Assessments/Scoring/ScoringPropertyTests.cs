using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Questionnaires;
using Waypoint.Tests.Questionnaires;

namespace Waypoint.Tests.Assessments.Scoring;

/// <summary>
/// Answers to every scored question of the test questionnaire, in questionnaire order, one code each:
/// 0 unanswered, 1–5 a level, 6 "don't know", 7 "not applicable".
/// </summary>
public sealed record AnswerSheet(int[] Codes)
{
    public const int Unanswered = 0;
    public const int DontKnow = 6;
    public const int NotApplicable = 7;

    internal static IReadOnlyList<Question> Questions { get; } =
        [.. TestQuestionnaires.Valid.Topics.SelectMany(t => t.ScoredQuestions)];

    internal Dictionary<string, ScaleAnswer> ToAnswers() => ToAnswers(Enumerable.Range(0, Codes.Length));

    internal Dictionary<string, ScaleAnswer> ToAnswers(IEnumerable<int> order)
    {
        var answers = new Dictionary<string, ScaleAnswer>();
        foreach (var i in order)
        {
            if (Codes[i] == Unanswered) continue;
            answers.Add(Questions[i].Key, Codes[i] switch
            {
                DontKnow => ScaleAnswer.DontKnow,
                NotApplicable => ScaleAnswer.NotApplicable,
                var level => ScaleAnswer.OfLevel(level),
            });
        }
        return answers;
    }

    internal AssessmentScore Score() => AssessmentScorer.Calculate(TestQuestionnaires.Valid, ToAnswers());

    internal AnswerSheet With(int index, int code)
    {
        var codes = (int[])Codes.Clone();
        codes[index] = code;
        return new AnswerSheet(codes);
    }

    public override string ToString() => string.Join(" ", Codes);
}

public static class AnswerSheets
{
    public static Arbitrary<AnswerSheet> Arbitrary() =>
        Gen.Choose(AnswerSheet.Unanswered, AnswerSheet.NotApplicable)
            .ArrayOf(AnswerSheet.Questions.Count)
            .Select(codes => new AnswerSheet(codes))
            .ToArbitrary();
}

[Properties(Arbitrary = [typeof(AnswerSheets)], MaxTest = 500)]
public sealed class ScoringPropertyTests
{
    [Property]
    public bool Every_score_stays_within_0_and_100(AnswerSheet sheet)
    {
        var score = sheet.Score();
        return score.Topics.Select(t => t.Score).Append(score.Overall.Score)
            .All(s => s is null || (s.Value.Value >= 0 && s.Value.Value <= 100));
    }

    [Property]
    public bool Raising_any_single_answer_never_lowers_any_score(AnswerSheet sheet, NonNegativeInt pick)
    {
        var raisable = Enumerable.Range(0, sheet.Codes.Length).Where(i => sheet.Codes[i] is >= 1 and <= 4).ToList();
        if (raisable.Count == 0) return true;
        var index = raisable[pick.Get % raisable.Count];

        var before = sheet.Score();
        var after = sheet.With(index, sheet.Codes[index] + 1).Score();

        return NotLower(before.Overall.Score, after.Overall.Score)
               && before.Topics.Zip(after.Topics).All(pair => NotLower(pair.First.Score, pair.Second.Score));
    }

    private static bool NotLower(Score? before, Score? after) =>
        before is null ? after is null : after is not null && after.Value >= before.Value;

    [Property]
    public bool The_order_of_the_answers_does_not_matter(AnswerSheet sheet, int seed)
    {
        var shuffled = Enumerable.Range(0, sheet.Codes.Length).ToArray();
        new Random(seed).Shuffle(shuffled);

        var inOrder = AssessmentScorer.Calculate(TestQuestionnaires.Valid, sheet.ToAnswers());
        var outOfOrder = AssessmentScorer.Calculate(TestQuestionnaires.Valid, sheet.ToAnswers(shuffled));

        return inOrder.Overall == outOfOrder.Overall && inOrder.Topics.SequenceEqual(outOfOrder.Topics);
    }

    [Property]
    public bool Dont_know_and_not_applicable_never_change_a_score(AnswerSheet sheet, bool dontKnow)
    {
        // Turning unanswered questions into "don't know" / "not applicable", or those back into no answer, leaves
        // every level answer as it was, so every topic that has enough answers keeps its score.
        var filled = new AnswerSheet([.. sheet.Codes.Select(c => c == AnswerSheet.Unanswered ? (dontKnow ? AnswerSheet.DontKnow : AnswerSheet.NotApplicable) : c)]);
        var emptied = new AnswerSheet([.. sheet.Codes.Select(c => c is AnswerSheet.DontKnow or AnswerSheet.NotApplicable ? AnswerSheet.Unanswered : c)]);

        var scores = new[] { sheet.Score(), filled.Score(), emptied.Score() };

        return scores.All(s => s.Overall.Score == scores[0].Overall.Score)
               && scores.All(s => s.Topics.Select(t => t.Score).SequenceEqual(scores[0].Topics.Select(t => t.Score)));
    }

    [Property]
    public bool The_scores_match_the_documented_formula_computed_independently(AnswerSheet sheet)
    {
        var score = sheet.Score();
        var topicScores = new List<double>();
        var offset = 0;
        foreach (var topic in TestQuestionnaires.Valid.Topics)
        {
            var codes = sheet.Codes.Skip(offset).Take(topic.ScoredQuestions.Length).ToList();
            offset += codes.Count;
            var levels = codes.Where(c => c is >= 1 and <= 5).ToList();
            double? expected = levels.Count > 0 && levels.Count * 2 >= codes.Count ? levels.Average(l => (l - 1) / 4.0 * 100) : null;
            if (expected is not null) topicScores.Add(expected.Value);

            var actual = score.FindTopic(topic.Key)!.Score?.Value;
            if (expected is null ? actual is not null : actual is null || Math.Abs(actual.Value - expected.Value) > 1e-9) return false;
        }

        var overall = score.Overall.Score?.Value;
        return topicScores.Count == 0
            ? overall is null && score.Overall.TopicsCovered == 0
            : overall is not null && Math.Abs(overall.Value - topicScores.Average()) < 1e-9 && score.Overall.TopicsCovered == topicScores.Count;
    }
}
