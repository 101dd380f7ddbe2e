using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Data.Proofreading;
using Waypoint.Features.Organisations;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>The editors' queue: suggestions by language, oldest first, to accept or reject.</summary>
[Authorize(Policy = PlatformRoles.Editor)]
internal sealed class IndexModel(ProofreadingService service, Languages languages, IStringLocalizer<Program> localizer) : PageModel
{
    /// <summary>The language whose suggestions are listed. Not <c>lang</c>: that would switch the editor's own interface
    /// language too.</summary>
    [BindProperty(SupportsGet = true, Name = "language")]
    public string? LanguageCode { get; set; }

    /// <summary>"interface", "questionnaire", or anything else for both.</summary>
    [BindProperty(SupportsGet = true, Name = "texts")]
    public string? TextsFilter { get; set; }

    public bool? QuestionnaireOnly => TextsFilter?.ToLowerInvariant() switch
    {
        "interface" => false,
        "questionnaire" => true,
        _ => null,
    };

    /// <summary>"pending" (the default), "accepted", "rejected" or "all".</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    public IReadOnlyList<Language> Languages { get; private set; } = [];

    public IReadOnlyDictionary<string, int> PendingCounts { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<SuggestionDto> Suggestions { get; private set; } = [];

    public Guid? RejectedId { get; private set; }

    public string? Reason { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public static string ReasonId(Guid id) => $"reason-{id}";

    public SuggestionStatus? Status => StatusFilter?.ToLowerInvariant() switch
    {
        "all" => null,
        "accepted" => SuggestionStatus.Accepted,
        "rejected" => SuggestionStatus.Rejected,
        _ => SuggestionStatus.Pending,
    };

    public string? Language => service.IsTranslatedLanguage(LanguageCode) ? languages.Find(LanguageCode)!.Code : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await service.AcceptAsync(OrganisationAccess.UserIdOf(User)!, id, cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["Accepted: readers of {0} now see “{1}”.", languages.Find(outcome.Value!.Language)!.NativeName, outcome.Value.Text];
            return RedirectToPage(new { language = LanguageCode, status = StatusFilter, texts = TextsFilter });
        }
        return await RefusedAsync(outcome.Refusal!, id, cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await service.RejectAsync(OrganisationAccess.UserIdOf(User)!, id, new RejectRequest(reason), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["Rejected: the wording stays as it was."];
            return RedirectToPage(new { language = LanguageCode, status = StatusFilter, texts = TextsFilter });
        }
        RejectedId = id;
        Reason = reason;
        return await RefusedAsync(outcome.Refusal!, id, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(Refusal refusal, Guid id, CancellationToken cancellationToken)
    {
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        ModelState.AddModelError(refusal.Kind == RefusalKind.Invalid ? ReasonId(id) : string.Empty, refusal.Message);
        await LoadAsync(cancellationToken);
        Response.StatusCode = refusal.Kind == RefusalKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Languages = [.. languages.All.Where(l => l.Code != Infrastructure.Localization.Languages.Default)];
        PendingCounts = await service.PendingCountsAsync(cancellationToken);
        Suggestions = await service.SuggestionsAsync(Language, Status, cancellationToken, QuestionnaireOnly);
    }
}
