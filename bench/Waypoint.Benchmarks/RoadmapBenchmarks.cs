using BenchmarkDotNet.Attributes;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Recommendations;
using Waypoint.Features.Roadmaps;

namespace Waypoint.Benchmarks;

/// <summary>
/// Builds the recommendations and the roadmap of one assessment of the shipped questionnaire against the shipped
/// library: scoring, matching every recommendation, and ordering the roadmap by the gaps to the targets. Target: under 5 ms.
/// </summary>
[MemoryDiagnoser]
public class RoadmapBenchmarks
{
    private Questionnaire _questionnaire = null!;
    private RecommendationDefinition[] _library = null!;
    private Dictionary<string, ScaleAnswer> _answers = null!;
    private Dictionary<string, int> _targets = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = Path.Combine(AppContext.BaseDirectory, "Content");
        _questionnaire = QuestionnaireCatalog.Load(Path.Combine(content, "questionnaire")).Current!;
        _library = [.. RecommendationLibrary.Load(Path.Combine(content, "recommendations"), _questionnaire).Entries];
        var random = new Random(20261125);
        _answers = [];
        foreach (var question in _questionnaire.Topics.SelectMany(t => t.ScoredQuestions))
        {
            var roll = random.Next(100);
            if (roll < 5) continue;
            _answers[question.Key] = roll < 12 ? ScaleAnswer.DontKnow : ScaleAnswer.OfLevel(random.Next(1, 6));
        }
        _targets = _questionnaire.Topics.ToDictionary(t => t.Key, _ => 60);
    }

    [Benchmark(Description = "Recommendations and roadmap of one assessment")]
    public object BuildRecommendationsAndRoadmap()
    {
        var scores = AssessmentScorer.Calculate(_questionnaire, _answers);
        var matched = RecommendationMatcher.Match(_questionnaire, _answers, scores, _library);
        return RoadmapBuilder.Build(_questionnaire, scores, matched, _targets);
    }
}
