using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Toolbox;

/// <summary>Editors change an entry, its translations included. A form made on an older version of the entry is
/// refused (409) and shows what is stored now, so the editor makes the change again on top of it.</summary>
[Authorize(Policy = PlatformRoles.Editor)]
internal sealed class EditModel(ToolboxCatalog catalog, ToolboxEditor editor, ToolboxLabels labels, Languages languages,
    IStringLocalizer<Program> localizer) : PageModel
{
    [FromRoute]
    public string Key { get; set; } = "";

    [BindProperty]
    public ToolboxEntryInput Input { get; set; } = new();

    public string Title { get; private set; } = "";

    public ToolboxEntryFormView Form => new(Input, IsNew: false, labels, languages.All);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entry = await catalog.GetAsync(Key, ToolboxVocabulary.SourceLanguage, cancellationToken);
        if (entry is null) return NotFound();
        Input = ToolboxEntryInput.From(entry);
        Title = entry.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The model binder's own messages (a level that is not a number) would be in English and name C# types.
        ModelState.Clear();
        var outcome = await editor.UpdateAsync(Key, Input.ToDraft(), Input.Version, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Entry is not null)
        {
            TempData["Notice"] = localizer["The entry is saved."].Value;
            return Redirect(Url.Content("~/toolbox/") + Uri.EscapeDataString(Key));
        }
        var stored = await catalog.GetAsync(Key, ToolboxVocabulary.SourceLanguage, cancellationToken);
        if (stored is null) return NotFound();
        Title = stored.Name;
        if (outcome.Conflict is not null)
        {
            ModelState.AddModelError("", outcome.Conflict);
            Input = ToolboxEntryInput.From(stored);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        ToolboxEntryInput.AddErrors(ModelState, outcome.Errors);
        Input.Key = Key;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
