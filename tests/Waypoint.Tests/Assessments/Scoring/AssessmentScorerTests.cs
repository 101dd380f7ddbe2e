using Waypoint.Features.Assessments.Scoring;
using Waypoint.Tests.Questionnaires;

namespace Waypoint.Tests.Assessments.Scoring;

/// <summary>Cases computed by hand on the test questionnaire (service_design: 4 questions, governance: 3, others: 2).</summary>
public sealed class AssessmentScorerTests
{
    private static AssessmentScore Calculate(params (string Key, object Answer)[] answers) =>
        AssessmentScorer.Calculate(TestQuestionnaires.Valid, Answers.Of(answers));

    [Fact]
    public void A_topic_score_is_the_mean_of_its_levels_leaving_out_dont_know_and_not_applicable()
    {
        // (4 − 1) / 4 × 100 = 75 and (2 − 1) / 4 × 100 = 25: the mean of the two answered levels is 50.
        var score = Calculate(
            ("service_design.user_research", 4), ("service_design.co_design", 2),
            ("service_design.accessibility", "dk"), ("service_design.feedback", "na"));

        var topic = score.FindTopic("service_design")!;
        Assert.Equal(Score.FromInteger(50), topic.Score);
        Assert.Equal(MaturityLevel.Established, topic.Level);
        Assert.Equal((2, 4, 1, 1, 0), (topic.Answered, topic.ScoredQuestions, topic.DontKnow, topic.NotApplicable, topic.Unanswered));
    }

    [Fact]
    public void A_topic_with_exactly_half_of_its_questions_answered_with_a_level_is_scored()
    {
        var score = Calculate(("service_design.user_research", 5), ("service_design.co_design", 4));

        var topic = score.FindTopic("service_design")!;
        Assert.Equal(87.5m, topic.Score?.Rounded);
        Assert.Equal(2, topic.Unanswered);
    }

    [Fact]
    public void A_topic_with_one_answer_fewer_than_half_has_not_enough_answers()
    {
        var score = Calculate(("service_design.user_research", 5), ("service_design.co_design", "dk"), ("service_design.feedback", "na"));

        var topic = score.FindTopic("service_design")!;
        Assert.Null(topic.Score);
        Assert.Null(topic.Level);
        Assert.False(topic.HasEnoughAnswers);
        Assert.Equal((1, 1, 1, 1), (topic.Answered, topic.DontKnow, topic.NotApplicable, topic.Unanswered));
    }

    [Fact]
    public void A_topic_with_an_odd_number_of_questions_needs_more_than_half()
    {
        Assert.Null(Calculate(("governance.strategy", 3)).FindTopic("governance")!.Score);
        Assert.Equal(50m, Calculate(("governance.strategy", 3), ("governance.leadership", 3)).FindTopic("governance")!.Score?.Rounded);
    }

    [Fact]
    public void A_topic_answered_only_with_dont_know_has_not_enough_answers()
    {
        var score = Calculate(("data_management.data_strategy", "dk"), ("data_management.open_data", "dk"));

        var topic = score.FindTopic("data_management")!;
        Assert.Null(topic.Score);
        Assert.Equal(2, topic.DontKnow);
        Assert.Null(score.Overall.Score);
        Assert.Equal(0, score.Overall.TopicsCovered);
    }

    [Fact]
    public void The_overall_score_is_the_mean_of_the_topics_that_have_a_score()
    {
        var score = Calculate(
            ("service_design.user_research", 4), ("service_design.co_design", 2), ("service_design.accessibility", "dk"),
            ("governance.strategy", 5), ("governance.leadership", 5), ("governance.budget", 5),
            ("data_management.data_strategy", 3), ("data_management.open_data", 3),
            ("interoperability.standards", 5), ("interoperability.apis", "na"));

        // (50 + 100 + 50) / 3 = 66.67; interoperability has 1 level answer of 2 questions: exactly half, so it counts:
        // (50 + 100 + 50 + 100) / 4 = 75.
        Assert.Equal(Score.FromInteger(75), score.Overall.Score);
        Assert.Equal(MaturityLevel.Advanced, score.Overall.Level);
        Assert.Equal(4, score.Overall.TopicsCovered);
        Assert.Equal(7, score.Overall.TopicCount);
    }

    [Fact]
    public void The_overall_score_is_rounded_to_one_decimal_for_display()
    {
        var score = Calculate(
            ("service_design.user_research", 4), ("service_design.co_design", 2),
            ("governance.strategy", 5), ("governance.leadership", 5), ("governance.budget", 5),
            ("data_management.data_strategy", 3), ("data_management.open_data", 3));

        Assert.Equal(66.7m, score.Overall.Score?.Rounded);
        Assert.Equal(200.0 / 3, score.Overall.Score!.Value.Value, 12);
        Assert.Equal("66.7", score.Overall.Score.ToString());
    }

    [Fact]
    public void An_overall_score_of_exactly_20_is_in_the_developing_band()
    {
        var score = Calculate(
            ("data_management.data_strategy", 2), ("data_management.open_data", 2),
            ("interoperability.standards", 2), ("interoperability.apis", 2),
            ("technology.infrastructure", 2), ("technology.security", 2),
            ("service_delivery.online_services", 2), ("service_delivery.channels", 1),
            ("networking.partnerships", 1), ("networking.knowledge_sharing", 2));

        // (25 + 25 + 25 + 12.5 + 12.5) / 5 = 20
        Assert.Equal(Score.FromInteger(20), score.Overall.Score);
        Assert.Equal(MaturityLevel.Developing, score.Overall.Level);
    }

    [Fact]
    public void An_overall_score_of_exactly_80_is_in_the_leading_band()
    {
        var score = Calculate(
            ("data_management.data_strategy", 5), ("data_management.open_data", 5),
            ("interoperability.standards", 5), ("interoperability.apis", 5),
            ("technology.infrastructure", 5), ("technology.security", 5),
            ("service_delivery.online_services", 3), ("service_delivery.channels", 3),
            ("networking.partnerships", 3), ("networking.knowledge_sharing", 3));

        // (100 + 100 + 100 + 50 + 50) / 5 = 80
        Assert.Equal(Score.FromInteger(80), score.Overall.Score);
        Assert.Equal(MaturityLevel.Leading, score.Overall.Level);
    }

    [Fact]
    public void Lowest_and_highest_answers_everywhere_give_0_and_100()
    {
        var questions = TestQuestionnaires.Valid.Topics.SelectMany(t => t.ScoredQuestions).ToList();

        var lowest = AssessmentScorer.Calculate(TestQuestionnaires.Valid, questions.ToDictionary(q => q.Key, _ => ScaleAnswer.OfLevel(1)));
        var highest = AssessmentScorer.Calculate(TestQuestionnaires.Valid, questions.ToDictionary(q => q.Key, _ => ScaleAnswer.OfLevel(5)));

        Assert.Equal((0m, MaturityLevel.Starting, 7), (lowest.Overall.Score?.Rounded, lowest.Overall.Level, lowest.Overall.TopicsCovered));
        Assert.Equal((100m, MaturityLevel.Leading, 7), (highest.Overall.Score?.Rounded, highest.Overall.Level, highest.Overall.TopicsCovered));
    }

    [Fact]
    public void No_answers_give_no_scores_and_every_question_unanswered()
    {
        var score = Calculate();

        Assert.Null(score.Overall.Score);
        Assert.Null(score.Overall.Level);
        Assert.All(score.Topics, t => Assert.Equal(t.ScoredQuestions, t.Unanswered));
        Assert.Equal(TestQuestionnaires.Valid.Topics.Select(t => t.Key), score.Topics.Select(t => t.Key));
    }

    [Fact]
    public void Answers_to_unscored_or_unknown_questions_are_ignored()
    {
        var scored = Calculate(("governance.strategy", 2), ("governance.leadership", 4));
        var withExtras = Calculate(
            ("governance.strategy", 2), ("governance.leadership", 4),
            ("general.population_served", 5), ("governance.no_such_question", 1), ("elsewhere.entirely", "dk"));

        Assert.Equal(scored.Overall, withExtras.Overall);
        Assert.Equal(scored.Topics.AsEnumerable(), withExtras.Topics);
    }

    [Fact]
    public void The_result_states_the_questionnaire_version_used()
    {
        Assert.Equal("1.0", Calculate(("governance.strategy", 2)).QuestionnaireVersion);
    }
}
