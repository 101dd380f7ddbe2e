using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Features.Organisations;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Recommendations;

/// <summary>For content editors: change or add one recommendation; the same validation as the library file.</summary>
[Authorize(Policy = PlatformRoles.Editor)]
internal sealed class EditModel(RecommendationService recommendations, QuestionnaireCatalog catalog, IStringLocalizer<Program> l) : PageModel
{
    [FromRoute]
    public string? Key { get; set; }

    public bool IsNew => string.IsNullOrEmpty(Key);

    [BindProperty] public string? NewKey { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public List<string> Bands { get; set; } = [];
    [BindProperty] public string? AnswerRules { get; set; }
    [BindProperty] public string? CatalogueKeys { get; set; }
    [BindProperty] public string? Horizon { get; set; }
    [BindProperty] public bool InvolvesProcurement { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public bool Retired { get; set; }
    [BindProperty] public int? Version { get; set; }

    public Questionnaire Questionnaire => catalog.Localize(catalog.Current!, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
        {
            Level = "local";
            Horizon = "one_year";
            return Page();
        }
        if (await recommendations.FindAsync(Key!, cancellationToken) is not { } r) return NotFound();
        Level = r.Level;
        Topic = r.TopicKey;
        Bands = [.. r.Bands];
        AnswerRules = string.Join("\n", r.AnswerRules);
        CatalogueKeys = string.Join(", ", r.CatalogueKeys);
        Horizon = r.Horizon;
        InvolvesProcurement = r.InvolvesProcurement;
        Title = r.Title;
        Text = r.Text;
        Retired = r.Retired;
        Version = r.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsNew && await recommendations.FindAsync(Key!, cancellationToken) is null) return NotFound();
        var draft = new RecommendationDraft(IsNew ? NewKey : Key, Level, Topic, Bands,
            (AnswerRules ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            [CatalogueKeys ?? ""], Horizon, InvolvesProcurement, Title, Text);
        var outcome = await recommendations.SaveAsync(User, IsNew ? null : Key, draft, Retired, Version, cancellationToken);
        if (!outcome.Succeeded)
        {
            PageErrors.Add(ModelState, outcome.Failure!, field => field == "key" ? "NewKey" : char.ToUpperInvariant(field[0]) + field[1..]);
            return Page();
        }
        TempData["Notice"] = l["The recommendation {0} is saved.", outcome.Value!.Key].Value;
        return Redirect($"~/recommendations/manage/edit/{outcome.Value.Key}");
    }
}
