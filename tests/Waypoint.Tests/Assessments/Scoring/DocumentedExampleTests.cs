using System.Collections.Immutable;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Tests.Assessments.Scoring;

/// <summary>The worked example of docs/scoring.md, so that the page and the code cannot drift apart.</summary>
public sealed class DocumentedExampleTests
{
    private static readonly (string Topic, object?[] Answers)[] Example =
    [
        ("service_design", [4, 3, 5, "dk", "na"]),
        ("governance", [3, 4, 4, 3]),
        ("data_management", [3, 2, 3]),
        ("interoperability", [2, 2, null, null]),
        ("technology", [3, 3, 3]),
        ("service_delivery", [4, 5]),
        ("networking", [3, "dk", "dk", null]),
    ];

    [Fact]
    public void The_worked_example_of_the_scoring_documentation_gives_the_documented_scores()
    {
        var questionnaire = BuildQuestionnaire();
        var answers = new Dictionary<string, ScaleAnswer>();
        foreach (var (topic, topicAnswers) in Example)
        {
            for (var i = 0; i < topicAnswers.Length; i++)
            {
                if (topicAnswers[i] is { } answer) answers[$"{topic}.question_{i + 1}"] = Answers.Parse(answer);
            }
        }

        var score = AssessmentScorer.Calculate(questionnaire, answers);

        var serviceDesign = score.FindTopic("service_design")!;
        Assert.Equal((75.0m, MaturityLevel.Advanced), (serviceDesign.Score?.Rounded, serviceDesign.Level));
        Assert.Equal((3, 1, 1, 0), (serviceDesign.Answered, serviceDesign.DontKnow, serviceDesign.NotApplicable, serviceDesign.Unanswered));
        Assert.Equal(
            ["75.0", "62.5", "41.7", "25.0", "50.0", "87.5", "not enough answers"],
            score.Topics.Select(t => t.Score?.ToString() ?? "not enough answers"));
        Assert.Equal(
            [MaturityLevel.Advanced, MaturityLevel.Advanced, MaturityLevel.Established, MaturityLevel.Developing, MaturityLevel.Established, MaturityLevel.Leading, (MaturityLevel?)null],
            score.Topics.Select(t => t.Level));

        Assert.Equal(Score.FromFraction(1025, 18), score.Overall.Score);
        Assert.Equal("56.9", score.Overall.Score.ToString());
        Assert.Equal(MaturityLevel.Established, score.Overall.Level);
        Assert.Equal((6, 7), (score.Overall.TopicsCovered, score.Overall.TopicCount));
        Assert.Equal("1.0", score.QuestionnaireVersion);
    }

    private static Questionnaire BuildQuestionnaire()
    {
        ImmutableArray<string> levels = ["1", "2", "3", "4", "5"];
        var sections = Example.Select(topic => new Section(topic.Topic, SectionKind.Topic, topic.Topic, "", [
            .. Enumerable.Range(1, topic.Answers.Length).Select(i =>
                new Question($"{topic.Topic}.question_{i}", topic.Topic, "", "", null, QuestionType.Scale, true, levels, [], null, null, [])),
        ]));
        return new Questionnaire("1.0", QuestionnaireStatus.Published, null, "Example", "", [.. sections]);
    }
}
