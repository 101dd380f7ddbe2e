using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Errors;

/// <summary>Shown for unhandled errors and empty error responses. A request under <c>/api</c> gets problem
/// details instead of a page, so that scripts always read JSON.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<Program> localizer, IProblemDetailsService problems) : PageModel
{
    public string Title { get; private set; } = "";
    public string Detail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int? code) => await Handle(code);
    public async Task<IActionResult> OnPostAsync(int? code) => await Handle(code);
    public async Task<IActionResult> OnPutAsync(int? code) => await Handle(code);
    public async Task<IActionResult> OnDeleteAsync(int? code) => await Handle(code);

    private async Task<IActionResult> Handle(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        (Title, Detail) = status switch
        {
            400 => (localizer["The request could not be read"].Value, localizer["Check what you sent and try again."].Value),
            401 => (localizer["Sign in needed"].Value, localizer["Sign in to see this."].Value),
            403 => (localizer["Not allowed"].Value, localizer["Your account may not see or change this."].Value),
            404 => (localizer["Page not found"].Value, localizer["There is nothing at this address. Check it, or start again from the home page."].Value),
            405 => (localizer["Method not allowed"].Value, localizer["This address does not accept that kind of request."].Value),
            429 => (localizer["Too many attempts"].Value, localizer["Wait a minute, then try again."].Value),
            _ => (localizer["Something went wrong"].Value, localizer["The error has been logged. Try again in a moment."].Value),
        };

        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Response.StatusCode = status;
        if (originalPath is not null && originalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = HttpContext,
                ProblemDetails = { Status = status, Title = Title, Detail = Detail },
            });
            return new EmptyResult();
        }
        return Page();
    }
}
