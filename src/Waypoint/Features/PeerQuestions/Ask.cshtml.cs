using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Waypoint.Features.GoodPractices;
using Waypoint.Features.Organisations;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.PeerQuestions;

/// <summary>Ask the peers a question on a topic. Signed-in members of an organisation; others are told how to become one.</summary>
[Authorize]
[EnableRateLimiting(WebRegistration.ContributionRateLimit)]
internal sealed class AskModel(PeerQuestionService service, TopicNames topics, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty]
    public Guid? OrganisationId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public IReadOnlyList<(string Key, string Title)> TopicOptions { get; private set; } = [];

    public IReadOnlyList<MemberOrganisation> Organisations { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await service.AskAsync(User, new AskQuestionRequest(OrganisationId, Topic, Title, Body), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = localizer["Your question is asked. You will get an email when a peer answers it."];
            return RedirectToPage("Details", new { id = outcome.Value!.Id });
        }
        var failure = outcome.Failure!;
        if (failure.Kind == FailureKind.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(cancellationToken);
        PageErrors.Add(ModelState, failure, field => field switch
        {
            "topicKey" => "question-topic",
            "organisationId" => "question-organisation",
            "body" => "question-body",
            _ => "question-title",
        });
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        TopicOptions = topics.All();
        Organisations = await service.OrganisationsOfAsync(User, cancellationToken);
    }
}
