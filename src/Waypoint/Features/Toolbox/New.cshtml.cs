using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Toolbox;

/// <summary>Editors add an entry to the catalogue.</summary>
[Authorize(Policy = PlatformRoles.Editor)]
internal sealed class NewModel(ToolboxEditor editor, ToolboxLabels labels, Languages languages, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty]
    public ToolboxEntryInput Input { get; set; } = new() { Languages = ["en"], Cost = "free" };

    public ToolboxEntryFormView Form => new(Input, IsNew: true, labels, languages.All);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await editor.CreateAsync(Input.ToDraft(), User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (outcome.Entry is not null)
        {
            TempData["Notice"] = localizer["The entry is added to the toolbox."].Value;
            return Redirect(Url.Content("~/toolbox/") + Uri.EscapeDataString(outcome.Entry.Localized.Key));
        }
        ToolboxEntryInput.AddErrors(ModelState, outcome.Errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
