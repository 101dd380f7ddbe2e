using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Accounts;
using Waypoint.Data.Proofreading;
using Waypoint.Features.Questionnaires;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>Every interface string, or every text of the current questionnaire, of one language with its state, so that editors can proofread a language from start
/// to end, not only the strings someone suggested wording for.</summary>
[Authorize(Policy = PlatformRoles.Editor)]
internal sealed class StringsModel(
    WaypointDbContext db,
    TranslationCatalog catalog,
    QuestionnaireCatalog questionnaires,
    Languages languages,
    ProofreadingService service) : PageModel
{
    public sealed record Row(string Key, string Source, string? Current, bool Proofread, int Pending);

    /// <summary>Not <c>lang</c>, which would switch the editor's own interface language too.</summary>
    [BindProperty(SupportsGet = true, Name = "language")]
    public string? LanguageCode { get; set; }

    /// <summary>"questionnaire": the texts of the current questionnaire; anything else: the interface strings.</summary>
    [BindProperty(SupportsGet = true, Name = "texts")]
    public string? TextsFilter { get; set; }

    public bool Questionnaire => string.Equals(TextsFilter, "questionnaire", StringComparison.OrdinalIgnoreCase);

    /// <summary>True: only the strings no editor has confirmed yet.</summary>
    [BindProperty(SupportsGet = true, Name = "unconfirmed")]
    public bool OnlyUnconfirmed { get; set; }

    public Language? Language { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!service.IsTranslatedLanguage(LanguageCode)) return NotFound();
        Language = languages.Find(LanguageCode)!;
        var code = Language.Code;
        var reviews = await db.TranslationReviews.AsNoTracking().Where(r => r.Language == code)
            .ToDictionaryAsync(r => r.Key, r => r.ReviewedText, StringComparer.Ordinal, cancellationToken);
        var pending = await db.WordingSuggestions.AsNoTracking().Where(s => s.Language == code && s.Status == SuggestionStatus.Pending)
            .GroupBy(s => s.Key).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        IEnumerable<(string Key, string Source, string? Current)> texts = Questionnaire
            ? questionnaires.Current is { } current ? questionnaires.TextsOf(current, code).Select(t => (t.Key, t.Source, t.Translated)) : []
            : catalog.TemplateKeys.Select(key => (key, key, catalog.Find(code, key)));
        var rows = texts.Select(t => new Row(t.Key, t.Source, t.Current,
            t.Current is not null && reviews.TryGetValue(t.Key, out var reviewed) && reviewed == t.Current, pending.GetValueOrDefault(t.Key))).ToList();
        Total = rows.Count;
        Rows = OnlyUnconfirmed ? [.. rows.Where(r => !r.Proofread)] : rows;
        return Page();
    }
}
