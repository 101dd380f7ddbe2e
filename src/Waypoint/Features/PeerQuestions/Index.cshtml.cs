using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Features.GoodPractices;

namespace Waypoint.Features.PeerQuestions;

/// <summary>Questions peers asked, newest first, optionally of one topic (<c>/questions?topic=data_management</c>).
/// Signed-in people only: a question says what an authority struggles with, which its members tell peers more
/// candidly when the whole web cannot read it.</summary>
[Authorize]
internal sealed class IndexModel(PeerQuestionService service, TopicNames topics, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    public QuestionResults? Results { get; private set; }

    public IReadOnlyList<(string Key, string Title)> TopicOptions { get; private set; } = [];

    public string? TopicTitle { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        TopicOptions = topics.All();
        if (!string.IsNullOrWhiteSpace(Topic) && !topics.IsTopic(Topic))
        {
            Error = localizer["There is no topic '{0}'. Choose one from the list.", Topic];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 10_000 ? p : 1;
        var topic = string.IsNullOrWhiteSpace(Topic) ? null : Topic;
        TopicTitle = topic is null ? null : topics.Title(topic);
        Results = await service.ListAsync(topic, page, cancellationToken);
        return Page();
    }

    public string PageUrl(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(Topic)) query.Add(new("topic", Topic));
        if (page > 1) query.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return "/questions" + QueryString.Create(query);
    }
}
