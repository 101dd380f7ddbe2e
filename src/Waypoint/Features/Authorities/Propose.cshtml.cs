using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Authorities;
using Waypoint.Features.Authorities.Proposals;

namespace Waypoint.Features.Authorities;

/// <summary>A signed-in person proposes another public body; it is listed once a platform admin approves it.</summary>
[Authorize]
internal sealed class ProposeModel(BodyProposals proposals, Countries countries, WaypointDbContext db, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? ParentId { get; set; }

    public string? ParentName { get; private set; }

    [TempData]
    public string? Proposed { get; set; }

    /// <summary>What to fix, each with the id of its field.</summary>
    public IReadOnlyList<(string FieldId, string Message)> Errors { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> CountryOptions { get; private set; } = [];

    public static IReadOnlyList<OtherBodyKind> Kinds => Enum.GetValues<OtherBodyKind>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (ParentId is { } parentId)
        {
            var parent = await db.Authorities.AsNoTracking()
                .Where(a => a.Id == parentId && a.Status == AuthorityStatus.Active)
                .Select(a => new { a.Name, a.CountryCode })
                .FirstOrDefaultAsync(cancellationToken);
            ParentName = parent?.Name;
            Country ??= parent?.CountryCode;
        }
        Prepare();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (ModelState.TryGetValue(nameof(ParentId), out var parentEntry) && parentEntry.Errors.Count > 0)
        {
            Errors = [("proposal-parentId", localizer["Enter the number of the authority, digits only, or leave it empty."].Value)];
            Prepare();
            return Page();
        }
        var outcome = await proposals.ProposeAsync(new ProposalInput(Name, Kind, Country, ParentId), userId, cancellationToken);
        if (outcome.Proposal is { } proposal)
        {
            Proposed = proposal.Name;
            return RedirectToPage();
        }
        Errors = outcome.Errors.SelectMany(e => e.Value.Select(m => (FieldId: "proposal-" + e.Key, m)))
            .Concat(outcome.Conflict is null ? [] : [(FieldId: "proposal-name", outcome.Conflict)])
            .ToList();
        if (ParentId is { } parentId)
        {
            ParentName = await db.Authorities.AsNoTracking().Where(a => a.Id == parentId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        }
        Prepare();
        return Page();
    }

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId).Message;

    private void Prepare() => CountryOptions = countries.SortedFor(CultureInfo.CurrentUICulture).ToList();
}
