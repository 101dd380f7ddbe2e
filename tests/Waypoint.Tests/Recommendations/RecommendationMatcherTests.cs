using System.Collections.Immutable;
using Waypoint.Data.Recommendations;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Recommendations;

namespace Waypoint.Tests.Recommendations;

/// <summary>The pure matching of recommendations to answers and scores, on the shipped questionnaire.</summary>
public sealed class RecommendationMatcherTests
{
    internal static readonly Questionnaire Questionnaire =
        QuestionnaireCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Content", "questionnaire")).Current!;

    private static RecommendationDefinition Definition(string key, string topic, MaturityLevel[]? bands = null, AnswerRule[]? rules = null,
        RecommendationLevel level = RecommendationLevel.Local) =>
        new(key, level, topic, [.. bands ?? []], [.. rules ?? []], ["dcat-ap"], RecommendationHorizon.OneYear, false, key, "A text long enough to read.");

    /// <summary>Every scored question answered with <paramref name="level"/>, except the overrides.</summary>
    private static Dictionary<string, ScaleAnswer> Answers(int level, params (string Key, ScaleAnswer Answer)[] overrides)
    {
        var answers = Questionnaire.Topics.SelectMany(t => t.ScoredQuestions).ToDictionary(q => q.Key, _ => ScaleAnswer.OfLevel(level));
        foreach (var (key, answer) in overrides) answers[key] = answer;
        return answers;
    }

    private static ImmutableArray<MatchedRecommendation> Match(Dictionary<string, ScaleAnswer> answers, params RecommendationDefinition[] library) =>
        RecommendationMatcher.Match(Questionnaire, answers, AssessmentScorer.Calculate(Questionnaire, answers), library);

    [Fact]
    public void An_answer_rule_matches_when_the_question_is_answered_with_one_of_its_levels_and_names_that_answer()
    {
        var rule = new AnswerRule("data_management.data_inventory", [1, 2]);
        var library = Definition("inventory", "data_management", rules: [rule]);

        var matched = Match(Answers(4, ("data_management.data_inventory", ScaleAnswer.OfLevel(2))), library);
        var notMatched = Match(Answers(4, ("data_management.data_inventory", ScaleAnswer.OfLevel(3))), library);

        var match = Assert.Single(matched);
        Assert.False(match.ByBand);
        Assert.Equal([new TriggeringAnswer("data_management.data_inventory", 2)], match.Answers.ToArray());
        Assert.Empty(notMatched);
    }

    [Fact]
    public void Dont_know_not_applicable_and_unanswered_questions_trigger_no_answer_rule()
    {
        var library = Definition("inventory", "data_management", rules: [new AnswerRule("data_management.data_inventory", [1, 2, 3, 4, 5])]);
        var unanswered = Answers(4);
        unanswered.Remove("data_management.data_inventory");

        Assert.Empty(Match(Answers(4, ("data_management.data_inventory", ScaleAnswer.DontKnow)), library));
        Assert.Empty(Match(Answers(4, ("data_management.data_inventory", ScaleAnswer.NotApplicable)), library));
        Assert.Empty(Match(unanswered, library));
    }

    [Fact]
    public void A_band_rule_matches_the_topic_band_and_names_the_lowest_answers_that_hold_the_score_there()
    {
        var library = Definition("foundations", "governance", bands: [MaturityLevel.Starting, MaturityLevel.Developing]);
        // Governance: one answer at 1, the rest at 2: score between 0 and 25, band Starting or Developing.
        var answers = Answers(2, ("governance.funding", ScaleAnswer.OfLevel(1)));

        var match = Assert.Single(Match(answers, library));

        Assert.True(match.ByBand);
        Assert.Equal(MaturityLevel.Developing, match.Band);
        Assert.Equal(new TriggeringAnswer("governance.funding", 1), match.Answers[0]);
        Assert.Equal(RecommendationMatcher.BandReasons, match.Answers.Length);
        Assert.All(match.Answers, a => Assert.StartsWith("governance.", a.QuestionKey, StringComparison.Ordinal));
        Assert.Empty(Match(Answers(4), library));
    }

    [Fact]
    public void A_topic_without_a_score_matches_no_band()
    {
        var library = Definition("foundations", "networking", bands: [MaturityLevel.Starting]);
        var answers = Answers(1);
        foreach (var question in Questionnaire.FindSection("networking")!.ScoredQuestions) answers[question.Key] = ScaleAnswer.DontKnow;

        Assert.Empty(Match(answers, library));
    }

    [Fact]
    public void Matches_come_in_questionnaire_topic_order_and_can_be_limited_to_one_level()
    {
        var library = new[]
        {
            Definition("networking", "networking", bands: [MaturityLevel.Starting]),
            Definition("national-design", "service_design", bands: [MaturityLevel.Starting], level: RecommendationLevel.National),
            Definition("design", "service_design", bands: [MaturityLevel.Starting]),
        };
        var answers = Answers(1);
        var scores = AssessmentScorer.Calculate(Questionnaire, answers);

        var all = RecommendationMatcher.Match(Questionnaire, answers, scores, library);
        var local = RecommendationMatcher.Match(Questionnaire, answers, scores, library, RecommendationLevel.Local);

        Assert.Equal(["national-design", "design", "networking"], all.Select(m => m.Recommendation.Key));
        Assert.Equal(["design", "networking"], local.Select(m => m.Recommendation.Key));
    }

    [Fact]
    public void The_same_input_always_gives_the_same_matches()
    {
        var library = RecommendationLibraryTests.Shipped.Entries;
        var answers = Answers(2, ("data_management.data_inventory", ScaleAnswer.OfLevel(1)), ("technology.cybersecurity", ScaleAnswer.DontKnow));
        var scores = AssessmentScorer.Calculate(Questionnaire, answers);

        var first = RecommendationMatcher.Match(Questionnaire, answers, scores, library);
        var second = RecommendationMatcher.Match(Questionnaire, new Dictionary<string, ScaleAnswer>(answers), scores, library);

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(m => (m.Recommendation.Key, string.Join(";", m.Answers))), second.Select(m => (m.Recommendation.Key, string.Join(";", m.Answers))));
    }
}
