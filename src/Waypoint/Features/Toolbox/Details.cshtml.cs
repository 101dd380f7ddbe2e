using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Toolbox;

/// <summary>One entry of the catalogue, in the reader's language. Everyone may read it; editors get a link to edit it.</summary>
[AllowAnonymous]
internal sealed class DetailsModel(ToolboxCatalog catalog, ToolboxLabels labels, Languages languages, IAuthorizationService authorization) : PageModel
{
    [FromRoute]
    public string Key { get; set; } = "";

    public ToolboxEntryView Entry { get; private set; } = null!;

    public ToolboxLabels Labels => labels;

    public bool CanEdit { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entry = await catalog.GetAsync(Key, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        if (entry is null) return NotFound();
        Entry = entry;
        CanEdit = (await authorization.AuthorizeAsync(User, PlatformRoles.Editor)).Succeeded;
        return Page();
    }

    public string LanguageName(string code) => languages.Find(code)?.NativeName ?? code;
}
