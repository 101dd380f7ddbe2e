using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;

namespace Waypoint.Features.Accounts.Admin;

/// <summary>Platform admins find accounts by email and grant or revoke platform roles.</summary>
[Authorize(Policy = PlatformRoles.Admin)]
internal sealed class UsersModel(UserAdministration administration, IStringLocalizer<Program> localizer) : PageModel
{
    private const string StatusKey = "Accounts.Admin.Users.Status";

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Status = TempData[StatusKey] as string;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRolesAsync(string? userId, string[]? roles, CancellationToken cancellationToken)
    {
        var outcome = string.IsNullOrEmpty(userId)
            ? RoleChange.UnknownUser
            : await administration.SetRolesAsync(CurrentUserId, userId, roles ?? []);
        switch (outcome)
        {
            case RoleChange.Done:
                var user = await administration.FindAsync(userId!, cancellationToken);
                TempData[StatusKey] = localizer["Roles of {0} saved.", user?.Email ?? ""].Value;
                return RedirectToPage(new { q = Q });
            case RoleChange.OwnAdminRole:
                ModelState.AddModelError("", localizer["You cannot remove your own admin role. Ask another admin to do it."]);
                break;
            case RoleChange.UnknownRole:
                ModelState.AddModelError("", localizer["Choose roles among: {0}.", string.Join(", ", PlatformRoles.All)]);
                break;
            default:
                ModelState.AddModelError("", localizer["That account does not exist any more. Search again."]);
                break;
        }
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (Q is { Length: > UserAdministration.MaxQueryLength })
        {
            ModelState.AddModelError(nameof(Q), localizer["The search text must have at most {0} characters.", UserAdministration.MaxQueryLength]);
            return Page();
        }
        Users = await administration.SearchAsync(Q, cancellationToken);
        return Page();
    }
}
