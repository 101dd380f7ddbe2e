using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Benchmarks;

/// <summary>
/// Scores one assessment of 50 scored questions (7 topics of 7 questions, one of 8) with a realistic mix of answers:
/// mostly levels, some "don't know", "not applicable" and unanswered questions, and one topic without enough answers.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private Questionnaire _questionnaire = null!;
    private Dictionary<string, ScaleAnswer> _answers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _questionnaire = BuildQuestionnaire();
        _answers = [];
        var random = new Random(20261125);
        foreach (var topic in _questionnaire.Topics)
        {
            foreach (var question in topic.ScoredQuestions)
            {
                var roll = random.Next(100);
                if (topic.Key == "networking" && roll < 70) continue;
                if (roll < 5) continue;
                _answers[question.Key] = roll switch
                {
                    < 10 => ScaleAnswer.DontKnow,
                    < 14 => ScaleAnswer.NotApplicable,
                    _ => ScaleAnswer.OfLevel(random.Next(1, 6)),
                };
            }
        }
    }

    [Benchmark(Description = "Score one 50-question assessment")]
    public object ScoreOneAssessment() => AssessmentScorer.Calculate(_questionnaire, _answers);

    private static Questionnaire BuildQuestionnaire()
    {
        string[] levels = ["Level one.", "Level two.", "Level three.", "Level four.", "Level five."];
        var sections = ImmutableArray.CreateBuilder<Section>();
        sections.Add(new Section(Questionnaire.ProfileSectionKey, SectionKind.Profile, "General information", "About the authority.",
        [
            new Question("general.population_served", "general", "Population", "How many residents?", null, QuestionType.Number, true, [], [], "residents", 0, []),
            new Question("general.notes", "general", "Notes", "Anything else?", null, QuestionType.Text, false, [], [], null, null, []),
        ]));
        for (var t = 0; t < Questionnaire.TopicKeys.Length; t++)
        {
            var key = Questionnaire.TopicKeys[t];
            var count = t == Questionnaire.TopicKeys.Length - 1 ? 8 : 7;
            var questions = Enumerable.Range(1, count)
                .Select(i => new Question($"{key}.question_{i}", key, $"Question {i}", "How mature is this?", null, QuestionType.Scale, true,
                    [.. levels], [], null, null, []))
                .ToImmutableArray();
            sections.Add(new Section(key, SectionKind.Topic, key, "A topic.", questions));
        }
        return new Questionnaire("1.0", QuestionnaireStatus.Published, new DateOnly(2026, 11, 25), "Benchmark", "Fifty scored questions.", sections.ToImmutable());
    }
}
