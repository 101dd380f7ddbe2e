using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Features.Accounts;

[AllowAnonymous]
internal sealed class CheckEmailModel : PageModel
{
    public const string EmailKey = "Accounts.CheckEmail";

    public string? Email { get; private set; }

    public void OnGet() => Email = TempData[EmailKey] as string;
}
