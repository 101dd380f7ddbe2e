using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Proofreading;
using Waypoint.Features.Organisations;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Questionnaires.Translations;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>The texts a page showed (interface strings and questionnaire texts), each with its English source, its current wording in the chosen language and a
/// field to propose better wording. One form per string, so it works without JavaScript.</summary>
[Authorize]
internal sealed class SuggestModel(
    WaypointDbContext db,
    TranslationCatalog catalog,
    QuestionnaireCatalog questionnaires,
    ProofreadTexts texts,
    Languages languages,
    ProofreadingService service,
    IStringLocalizer<Program> localizer) : PageModel
{
    public sealed record PageText(int Index, string Key, string Source, string? Current, bool ProposedByMe);

    /// <summary>The path of the page whose strings are listed, from <c>?page=</c> (read by hand: "page" is also the
    /// route value Razor Pages uses for the page's own name, which model binding would find first).</summary>
    public string? PagePath { get; private set; }

    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? LanguageCode { get; set; }

    /// <summary>From <c>?question=</c>: list only the texts of this question of the page (the link beside each question
    /// of a topic page). A key that is not one of the page's questions lists nothing of it, and the page says so.</summary>
    [BindProperty(SupportsGet = true, Name = "question")]
    public string? QuestionKey { get; set; }

    public Language? Language { get; private set; }

    public IReadOnlyList<PageText> Texts { get; private set; } = [];

    /// <summary>The string whose form was sent with errors, and what was typed, to show it again.</summary>
    public string? FailedKey { get; private set; }

    public string? FailedText { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public static string FieldId(int index) => $"text-{index}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PagePath = Request.Query["page"].FirstOrDefault();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? key, string? text, CancellationToken cancellationToken)
    {
        PagePath = Request.Form["page"].FirstOrDefault();
        var outcome = await service.SuggestAsync(OrganisationAccess.UserIdOf(User)!, new SuggestRequest(LanguageCode, key, text, PagePath), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["Thank you: your wording is waiting for an editor."];
            // Not RedirectToPage: its "page" value would name the Razor page, not the page whose strings are listed.
            return LocalRedirect(Url.Content("~" + SuggestWordingMode.SuggestPageFor(PagePath, LanguageCode, QuestionKey)));
        }

        await LoadAsync(cancellationToken);
        var refusal = outcome.Refusal!;
        var field = Texts.FirstOrDefault(t => t.Key == key) is { } failed ? FieldId(failed.Index) : "";
        FailedKey = key;
        FailedText = text;
        if (refusal.Kind == RefusalKind.Invalid && refusal.Errors.ContainsKey("text"))
        {
            foreach (var message in refusal.Errors["text"]) ModelState.AddModelError(field, message);
        }
        else
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
        }
        Response.StatusCode = refusal.Kind switch
        {
            RefusalKind.TooMany => StatusCodes.Status429TooManyRequests,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Language = service.IsTranslatedLanguage(LanguageCode) ? languages.Find(LanguageCode) : null;
        if (Language is null || string.IsNullOrEmpty(PagePath)) return;

        var page = PageKeys.Of(PagePath);
        var seen = (await db.PageStrings.AsNoTracking().Where(p => p.Page == page).Select(p => p.Key).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var userId = OrganisationAccess.UserIdOf(User);
        var code = Language.Code;
        var mine = (await db.WordingSuggestions.AsNoTracking()
                .Where(s => s.AuthorId == userId && s.Language == code && s.Status == SuggestionStatus.Pending)
                .Select(s => s.Key).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        // The interface strings in the template's order, then the questionnaire's texts in its reading order.
        var questionnaireKeys = seen.Where(QuestionnaireTexts.IsQuestionnaireKey).Select(QuestionnaireTexts.VersionOf).Distinct()
            .Select(version => questionnaires.Find(version!)).OfType<Questionnaire>()
            .SelectMany(q => QuestionnaireTexts.Of(q, null)).Select(t => t.Key).Where(seen.Contains);
        var shown = string.IsNullOrEmpty(QuestionKey)
            ? catalog.TemplateKeys.Where(seen.Contains).Concat(questionnaireKeys)
            : questionnaireKeys.Where(key => QuestionnaireTexts.IsOfQuestion(key, QuestionKey));
        Texts = [.. shown
            .Select((key, index) => new PageText(index, key, texts.SourceOf(key), texts.Find(code, key), mine.Contains(key)))];
    }
}
