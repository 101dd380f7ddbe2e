using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Accounts;
using Waypoint.Data.Proofreading;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>Every interface string of one language with its state, so that editors can proofread a language from start
/// to end, not only the strings someone suggested wording for.</summary>
[Authorize(Policy = PlatformRoles.Editor)]
internal sealed class StringsModel(WaypointDbContext db, TranslationCatalog catalog, Languages languages, ProofreadingService service) : PageModel
{
    public sealed record Row(string Key, string? Current, bool Proofread, int Pending);

    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? LanguageCode { get; set; }

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
        var rows = catalog.TemplateKeys.Select(key =>
        {
            var current = catalog.Find(code, key);
            return new Row(key, current, current is not null && reviews.TryGetValue(key, out var reviewed) && reviewed == current, pending.GetValueOrDefault(key));
        }).ToList();
        Total = rows.Count;
        Rows = OnlyUnconfirmed ? [.. rows.Where(r => !r.Proofread)] : rows;
        return Page();
    }
}
