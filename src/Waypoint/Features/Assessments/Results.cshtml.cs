using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Assessments;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Questionnaires.Translations;
using Waypoint.Features.Recommendations;
using Waypoint.Features.Roadmaps;

namespace Waypoint.Features.Assessments;

/// <summary>The results of one assessment: a radar chart of the seven topics (drawn by wwwroot/js/results.js from the
/// JSON in the page), the overall score and level, the table of topic scores that is the chart's text alternative,
/// and every answer with its level description. Prints on paper; exports as CSV and JSON.</summary>
[Authorize]
internal sealed class ResultsModel(AssessmentService assessments, RecommendationService recommendations, RoadmapService roadmaps,
    IStringLocalizer<Program> localizer) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public AssessmentDto Assessment { get; private set; } = null!;

    public ResultsDto Results { get; private set; } = null!;

    public Questionnaire Questionnaire { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The recommendations that apply, once submitted, for members of the organisation.</summary>
    public AssessmentRecommendationsDto? Recommendations { get; private set; }

    /// <summary>The roadmap made from this assessment, if any.</summary>
    public Guid? RoadmapId { get; private set; }

    /// <summary>How the topics of the previous round's roadmap actions moved since.</summary>
    public RoadmapProgressDto? RoadmapProgress { get; private set; }

    public bool CanCreateRoadmap => Assessment.Status == AssessmentStatus.Submitted && Assessment.YourRole >= Data.Organisations.OrganisationRole.Contributor;

    /// <summary>The questionnaire texts this page can show: section and question titles, and every level and choice of
    /// each question, not only those answered, so that what suggest wording records says nothing of the answers.</summary>
    private IEnumerable<string> TextsShown()
    {
        var version = Questionnaire.Version;
        foreach (var section in Questionnaire.Sections)
        {
            yield return QuestionnaireTexts.SectionKey(version, section.Key, "title");
            foreach (var question in section.Questions)
            {
                yield return QuestionnaireTexts.QuestionKey(version, question.Key, "title");
                if (question.Scored)
                {
                    for (var level = 1; level <= Question.ScaleLevels; level++) yield return QuestionnaireTexts.LevelKey(version, question.Key, level);
                }
                else if (question.Type == QuestionType.SingleChoice)
                {
                    foreach (var option in question.Options) yield return QuestionnaireTexts.OptionKey(version, question.Key, option.Key);
                }
            }
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var assessment = await assessments.GetAsync(User, Id, cancellationToken);
        if (!assessment.Succeeded) return NotFound();
        Assessment = assessment.Value!;
        Results = assessments.ResultsOf(Assessment);
        Questionnaire = assessments.QuestionnaireOf(Assessment);
        Proofreading.QuestionnaireTextsShown.Add(TextsShown());
        if (Assessment.Status == AssessmentStatus.Submitted && Assessment.YourRole is not null)
        {
            var applied = await recommendations.ForAssessmentAsync(User, Id, cancellationToken);
            Recommendations = applied.Value;
            RoadmapId = await roadmaps.FindForAssessmentAsync(User, Id, cancellationToken);
            RoadmapProgress = await roadmaps.ProgressAsync(User, Id, cancellationToken);
        }
        return Page();
    }

    /// <summary>What results.js draws: topic names and unrounded scores (null where a topic has not enough answers).</summary>
    public string ChartJson() => JsonSerializer.Serialize(new
    {
        labels = Results.Topics.Select(t => t.Title),
        values = Results.Topics.Select(t => t.ScoreValue),
        label = localizer["Score (0 to 100)"].Value,
        max = 100,
    });

    public string Format(decimal? score) => score?.ToString("0.0", CultureInfo.CurrentCulture) ?? "";
}
