using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Waypoint.Features.GoodPractices;
using Waypoint.Infrastructure.Api;
using Waypoint.Infrastructure.Problems;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.PeerQuestions;

/// <summary>The JSON API of peer questions: signed-in people read; members ask; members of other organisations answer.
/// Asking and answering count against the contribution rate limit.</summary>
internal static class PeerQuestionsApi
{
    public static void MapPeerQuestionsApi(this IEndpointRouteBuilder app)
    {
        var questions = app.MapApiV1("/questions", "Peer questions").RequireAuthorization();
        questions.MapGet("/", List).WithSummary("Questions, newest first, optionally of one topic")
            .Produces<QuestionResults>().ProducesValidationProblem();
        questions.MapGet("/{id:guid}", Get).WithSummary("A question with its answers")
            .Produces<QuestionDto>().ProducesProblem(StatusCodes.Status404NotFound);
        questions.MapPost("/", Ask).RequireRateLimiting(WebRegistration.ContributionRateLimit)
            .WithSummary("Ask peers a question on a topic (members of an organisation)")
            .Produces<QuestionDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        questions.MapPost("/{id:guid}/answers", Answer).RequireRateLimiting(WebRegistration.ContributionRateLimit)
            .WithSummary("Answer a question (members of other organisations than the asker's); the asker is emailed")
            .Produces<PeerAnswerDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> List(string? topic, string? page, PeerQuestionService service, TopicNames topics,
        IStringLocalizer<Program> localizer, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(topic) && !topics.IsTopic(topic))
            errors["topic"] = [localizer["The topic must be one of: {0}.", string.Join(", ", Questionnaires.Questionnaire.TopicKeys)]];
        var pageNumber = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber is < 1 or > 10_000))
            errors["page"] = [localizer["The page must be a whole number from 1 to {0}.", 10_000]];
        if (errors.Count > 0) return ProblemResults.Invalid(errors);
        return TypedResults.Ok(await service.ListAsync(string.IsNullOrWhiteSpace(topic) ? null : topic, pageNumber, cancellationToken));
    }

    private static async Task<IResult> Get(Guid id, PeerQuestionService service, IStringLocalizer<Program> localizer, CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } question
            ? TypedResults.Ok(question)
            : ProblemResults.NotFound(localizer["There is no question with this id."]);

    private static async Task<IResult> Ask(AskQuestionRequest request, ClaimsPrincipal user, PeerQuestionService service, CancellationToken cancellationToken)
    {
        var outcome = await service.AskAsync(user, request, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/questions/{outcome.Value!.Id}", outcome.Value) : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> Answer(Guid id, AnswerQuestionRequest request, ClaimsPrincipal user, PeerQuestionService service,
        CancellationToken cancellationToken)
    {
        var outcome = await service.AnswerAsync(user, id, request, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/questions/{id}", outcome.Value) : outcome.Failure!.ToProblem();
    }
}
