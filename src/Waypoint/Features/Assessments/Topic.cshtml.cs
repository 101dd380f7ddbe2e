using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Assessments;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Assessments;

/// <summary>What the form holds for one question: the choice (a level 1–5, dont_know or not_applicable) or the value of
/// a profile question, the note and link, the version the person read and a digest of what the form showed them.</summary>
internal sealed class AnswerInput
{
    public string Key { get; set; } = "";
    public string? Choice { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }
    public string? EvidenceUrl { get; set; }
    public int Version { get; set; }
    public string? Original { get; set; }
}

internal sealed class GoodPracticeInput
{
    public string? SolutionName { get; set; }
    public string? Url { get; set; }
    public string? Achievement { get; set; }
    public int Version { get; set; }
    public string? Original { get; set; }
}

/// <summary>
/// One section of an assessment as one form: every question as a fieldset with its five level descriptions, "don't
/// know" and "not applicable" (or an input by type for general information), a note and an evidence link, and the
/// topic's good practice at the end. Save works without JavaScript: only the answers the person changed are written,
/// each with the version the form was opened at; an answer a colleague changed in the meantime is not overwritten but
/// shown beside the person's own input, which stays in the form. With JavaScript, wwwroot/js/assessment.js saves each
/// answer as it changes through the API.
/// </summary>
[Authorize]
internal sealed class TopicModel(AssessmentService assessments, IStringLocalizer<Program> localizer) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public string SectionKey { get; set; } = "";

    [BindProperty]
    public List<AnswerInput> Answers { get; set; } = [];

    [BindProperty]
    public GoodPracticeInput Practice { get; set; } = new();

    public AssessmentDto Assessment { get; private set; } = null!;

    public Questionnaire Questionnaire { get; private set; } = null!;

    public Section Section { get; private set; } = null!;

    /// <summary>The form's content by question key.</summary>
    public Dictionary<string, AnswerInput> Inputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers a colleague saved after the form was opened, by question key, when the person changed them too.</summary>
    public Dictionary<string, AnswerDto?> Newer { get; } = new(StringComparer.Ordinal);

    public GoodPracticeDto? NewerPractice { get; private set; }

    public bool PracticeConflict { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public static string IdOf(string questionKey) => "q-" + questionKey.Replace('.', '-');

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        ShowStored();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var posted = Answers.Where(a => Section.Questions.Any(q => q.Key == a.Key)).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var question in Section.Questions) Inputs[question.Key] = posted.GetValueOrDefault(question.Key) ?? new AnswerInput { Key = question.Key };

        if (!Assessment.CanAnswer)
        {
            if (Assessment.Status == AssessmentStatus.Draft) return StatusCode(StatusCodes.Status403Forbidden);
            ModelState.AddModelError(string.Empty, localizer["This assessment is submitted and can no longer change."]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        // First check everything: one wrong field stores nothing, and the person corrects it with all their input kept.
        var writes = new List<(Question Question, AnswerInput Input, SaveAnswerRequest Request)>();
        foreach (var question in Section.Questions)
        {
            var input = Inputs[question.Key];
            var stored = Assessment.FindAnswer(question.Key);
            var id = IdOf(question.Key);
            var hasAnswer = question.Scored ? !string.IsNullOrEmpty(input.Choice) : !string.IsNullOrWhiteSpace(input.Value);
            var hasExtras = !string.IsNullOrWhiteSpace(input.Note) || !string.IsNullOrWhiteSpace(input.EvidenceUrl);
            if (!hasAnswer)
            {
                if (question.Scored && hasExtras)
                    ModelState.AddModelError(id + "-level-1", localizer["{0}: choose an answer to save its note and link.", question.Title]);
                else if (!question.Scored && stored is not null)
                    ModelState.AddModelError(id + "-value", localizer["{0}: give an answer; a saved answer can be changed but not removed.", question.Title]);
                continue;
            }
            var request = ToRequest(question, input);
            if (assessments.Validate(question, request) is { } invalid)
            {
                foreach (var (field, messages) in invalid.Errors)
                {
                    foreach (var message in messages) ModelState.AddModelError(FieldId(question, field), localizer["{0}: {1}", question.Title, message]);
                }
                continue;
            }
            writes.Add((question, input, request));
        }
        SaveGoodPracticeRequest? practiceRequest = null;
        if (Section.Kind == SectionKind.Topic)
        {
            practiceRequest = new SaveGoodPracticeRequest(Practice.SolutionName, Practice.Url, Practice.Achievement, Practice.Version);
            var (content, errors) = AnswerRules.Validate(practiceRequest, localizer);
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages) ModelState.AddModelError(PracticeFieldId(field), message);
            }
            if (content is null || (content.IsEmpty && Assessment.FindGoodPractice(Section.Key) is null)
                || content.Fingerprint() == Practice.Original
                || (Assessment.FindGoodPractice(Section.Key) is { } storedPractice
                    && GoodPracticeContent.Of(storedPractice).Fingerprint() == content.Fingerprint()))
                practiceRequest = null;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var saved = 0;
        foreach (var (question, input, request) in writes)
        {
            var (content, _) = AnswerRules.Validate(question, request, localizer);
            var fingerprint = content!.Fingerprint();
            var stored = Assessment.FindAnswer(question.Key);
            // Untouched since the page was shown, or already stored as it is (by the page's own autosave, say): nothing to write.
            if (fingerprint == input.Original) continue;
            if (stored is not null && AnswerContent.Of(stored).Fingerprint() == fingerprint) continue;

            var outcome = await assessments.SaveAnswerAsync(User, Id, question.Key, request, cancellationToken);
            if (outcome.Succeeded)
            {
                saved++;
                continue;
            }
            switch (outcome.Failure!.Kind)
            {
                case AssessmentFailureKind.Stale when outcome.Failure.CurrentAnswer is { } current && AnswerContent.Of(current).Fingerprint() == fingerprint:
                    saved++;
                    break;
                case AssessmentFailureKind.Stale:
                    Newer[question.Key] = outcome.Failure.CurrentAnswer;
                    break;
                case AssessmentFailureKind.Forbidden:
                    return StatusCode(StatusCodes.Status403Forbidden);
                case AssessmentFailureKind.NotFound:
                    return NotFound();
                default:
                    ModelState.AddModelError(string.Empty, outcome.Failure.Message);
                    break;
            }
        }
        if (practiceRequest is not null)
        {
            var outcome = await assessments.SaveGoodPracticeAsync(User, Id, Section.Key, practiceRequest, cancellationToken);
            if (outcome.Succeeded) saved++;
            else if (outcome.Failure!.Kind == AssessmentFailureKind.Stale)
            {
                PracticeConflict = true;
                NewerPractice = outcome.Failure.CurrentGoodPractice;
            }
            else ModelState.AddModelError(string.Empty, outcome.Failure.Message);
        }

        if (Newer.Count == 0 && !PracticeConflict && ModelState.IsValid)
        {
            Notice = saved == 0
                ? localizer["Every answer in {0} is saved.", Section.Title]
                : localizer["Saved {0} answer(s) in {1}.", saved, Section.Title];
            return RedirectToPage(new { id = Id, sectionKey = SectionKey });
        }

        // Some answers could not be saved: show the page again with what is stored now, except where the person's own
        // input met a newer answer, which stays in the form (at the newer version, so that saving again replaces it).
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var mine = Inputs.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
        ShowStored();
        foreach (var (key, newer) in Newer)
        {
            var input = mine[key];
            input.Version = newer?.Version ?? 0;
            input.Original = newer is null ? "" : AnswerContent.Of(newer).Fingerprint();
            Inputs[key] = input;
            ModelState.AddModelError(IdOf(key), localizer["{0}: a colleague saved another answer while you were answering. Compare, then save again to keep yours.", Section.Questions.First(q => q.Key == key).Title]);
        }
        if (PracticeConflict)
        {
            Practice.Version = NewerPractice?.Version ?? 0;
            Practice.Original = GoodPracticeContent.Of(NewerPractice).Fingerprint();
            ModelState.AddModelError("gp-name", localizer["The good practice: a colleague saved another version while you were writing. Compare, then save again to keep yours."]);
        }
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await assessments.GetAsync(User, Id, cancellationToken);
        if (!outcome.Succeeded) return false;
        Assessment = outcome.Value!;
        Questionnaire = assessments.QuestionnaireOf(Assessment);
        if (Questionnaire.FindSection(SectionKey) is not { } section) return false;
        Section = section;
        Proofreading.QuestionnaireTextsShown.Section(Questionnaire.Version, section);
        return true;
    }

    /// <summary>Fills the form with what is stored.</summary>
    private void ShowStored()
    {
        foreach (var question in Section.Questions)
        {
            var stored = Assessment.FindAnswer(question.Key);
            Inputs[question.Key] = new AnswerInput
            {
                Key = question.Key,
                Choice = stored switch
                {
                    null => null,
                    { Choice: AnswerRules.LevelChoice } => stored.Level?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    { Choice: AnswerRules.ValueChoice } => null,
                    _ => stored.Choice,
                },
                Value = stored?.Value,
                Note = stored?.Note,
                EvidenceUrl = stored?.EvidenceUrl,
                Version = stored?.Version ?? 0,
                Original = stored is null ? "" : AnswerContent.Of(stored).Fingerprint(),
            };
        }
        var practice = Assessment.FindGoodPractice(Section.Key);
        Practice = new GoodPracticeInput
        {
            SolutionName = practice?.SolutionName,
            Url = practice?.Url,
            Achievement = practice?.Achievement,
            Version = practice?.Version ?? 0,
            Original = GoodPracticeContent.Of(practice).Fingerprint(),
        };
    }

    private static SaveAnswerRequest ToRequest(Question question, AnswerInput input)
    {
        if (question.Scored)
        {
            var isLevel = int.TryParse(input.Choice, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level);
            return new SaveAnswerRequest(isLevel ? level : null, isLevel ? null : input.Choice, null, input.Note, input.EvidenceUrl, input.Version);
        }
        return new SaveAnswerRequest(null, null, JsonSerializer.SerializeToElement(input.Value), input.Note, input.EvidenceUrl, input.Version);
    }

    private static string FieldId(Question question, string field)
    {
        var id = IdOf(question.Key);
        return field switch
        {
            "note" => id + "-note",
            "evidenceUrl" => id + "-url",
            "value" when question.Type is QuestionType.SingleChoice => id + "-option-" + question.Options[0].Key,
            "value" when question.Type is QuestionType.YesNo => id + "-yes",
            "value" => id + "-value",
            _ => id + "-level-1",
        };
    }

    private static string PracticeFieldId(string field) => field switch
    {
        "url" => "gp-url",
        "achievement" => "gp-achievement",
        _ => "gp-name",
    };
}
