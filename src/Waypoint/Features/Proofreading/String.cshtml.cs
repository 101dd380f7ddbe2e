using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Features.Organisations;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>One text (interface string or questionnaire text) in one language: its wording from the PO file and now, whether an editor confirmed it,
/// who changed or confirmed it when, and the suggestions made for it. Editors confirm the wording here.</summary>
[Authorize(Policy = PlatformRoles.Editor)]
internal sealed class StringModel(ProofreadingService service, Languages languages, IStringLocalizer<Program> localizer) : PageModel
{
    /// <summary>Not <c>lang</c>, which would switch the editor's own interface language too.</summary>
    [BindProperty(SupportsGet = true, Name = "language")]
    public string? LanguageCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "key")]
    public string? Key { get; set; }

    public StringHistoryDto? Text { get; private set; }

    public Language? Language { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await service.HistoryAsync(LanguageCode, Key, cancellationToken);
        if (!outcome.Succeeded) return NotFound();
        Text = outcome.Value;
        Language = languages.Find(Text!.Language);
        return Page();
    }

    public async Task<IActionResult> OnPostProofreadAsync(CancellationToken cancellationToken)
    {
        var outcome = await service.MarkProofreadAsync(OrganisationAccess.UserIdOf(User)!, new MarkProofreadRequest(LanguageCode, Key), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["Marked as proofread: the current wording is confirmed."];
            return RedirectToPage(new { language = LanguageCode, key = Key });
        }
        if (outcome.Refusal!.Kind == RefusalKind.NotFound || (await OnGetAsync(cancellationToken)) is not PageResult) return NotFound();
        ModelState.AddModelError(string.Empty, outcome.Refusal.Message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
