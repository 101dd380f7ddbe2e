using Waypoint.Data.Recommendations;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Recommendations;
using Waypoint.Features.Roadmaps;
using Waypoint.Tests.Recommendations;

namespace Waypoint.Tests.Roadmaps;

/// <summary>The pure building of a roadmap from matched recommendations and targets.</summary>
public sealed class RoadmapBuilderTests
{
    private static readonly Features.Questionnaires.Questionnaire Questionnaire = RecommendationMatcherTests.Questionnaire;

    private static RecommendationDefinition Definition(string key, string topic, RecommendationHorizon horizon) =>
        new(key, RecommendationLevel.Local, topic, [MaturityLevel.Starting, MaturityLevel.Developing, MaturityLevel.Established], [], ["fiware"], horizon, false, key, "Text.");

    [Fact]
    public void Actions_are_grouped_by_horizon_and_the_largest_gap_to_a_target_comes_first()
    {
        // Every answer at 2 (score 25), except data management at 3 (score 50).
        var answers = Questionnaire.Topics.SelectMany(t => t.ScoredQuestions)
            .ToDictionary(q => q.Key, q => ScaleAnswer.OfLevel(q.SectionKey == "data_management" ? 3 : 2));
        var scores = AssessmentScorer.Calculate(Questionnaire, answers);
        var library = new[]
        {
            Definition("design-year", "service_design", RecommendationHorizon.OneYear),
            Definition("data-year", "data_management", RecommendationHorizon.OneYear),
            Definition("tech-quick", "technology", RecommendationHorizon.QuickWin),
            Definition("governance-year", "governance", RecommendationHorizon.OneYear),
        };
        var matched = RecommendationMatcher.Match(Questionnaire, answers, scores, library);
        var targets = new Dictionary<string, int> { ["data_management"] = 90, ["governance"] = 40 };

        var plan = RoadmapBuilder.Build(Questionnaire, scores, matched, targets);

        Assert.Equal(["tech-quick", "data-year", "governance-year", "design-year"], plan.Select(p => p.Recommendation.Key));
        Assert.Equal([0, 0, 1, 2], plan.Select(p => p.Position));
        var data = plan.Single(p => p.Recommendation.Key == "data-year").Reason;
        Assert.Equal((50.0, 90, 40.0), (data.Score!.Value.Value, data.Target!.Value, data.Gap!.Value));
        Assert.Null(plan.Single(p => p.Recommendation.Key == "design-year").Reason.Gap);
    }

    [Fact]
    public void A_reached_target_leaves_a_gap_of_zero_not_a_negative_one()
    {
        var answers = Questionnaire.Topics.SelectMany(t => t.ScoredQuestions).ToDictionary(q => q.Key, _ => ScaleAnswer.OfLevel(4));
        var scores = AssessmentScorer.Calculate(Questionnaire, answers);

        var reason = RoadmapBuilder.ReasonFor("governance", scores, new Dictionary<string, int> { ["governance"] = 50 }, []);

        Assert.Equal(0, reason.Gap);
    }
}
