using System.Security.Claims;
using Waypoint.Data.Accounts;
using Waypoint.Data.Proofreading;
using Waypoint.Features.Organisations;
using Waypoint.Infrastructure.Api;

namespace Waypoint.Features.Proofreading;

/// <summary>The JSON API of proofreading: any signed-in member proposes wording; editors list, accept and reject
/// suggestions, confirm wording, and read a string's history and the coverage of every language.</summary>
internal static class ProofreadingApi
{
    public static void MapProofreadingApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapApiV1("/proofreading", "Proofreading").RequireAuthorization();
        members.MapPost("/suggestions", Suggest).WithSummary("Propose wording for an interface string in a language other than English (30 an hour)")
            .Produces<SuggestionDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);

        var editors = app.MapApiV1("/proofreading", "Proofreading").RequireAuthorization(PlatformRoles.Editor);
        editors.MapGet("/suggestions", List).WithSummary("Suggestions, oldest first, by language and status (editors)")
            .Produces<IReadOnlyList<SuggestionDto>>().ProducesValidationProblem();
        editors.MapPost("/suggestions/{id:guid}/accept", Accept).WithSummary("Accept a suggestion: readers see it at once (editors)")
            .Produces<SuggestionDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        editors.MapPost("/suggestions/{id:guid}/reject", Reject).WithSummary("Reject a suggestion, with an optional reason (editors)")
            .Produces<SuggestionDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        editors.MapPost("/proofread", MarkProofread).WithSummary("Confirm a string's current wording in a language without changing it (editors)")
            .Produces<StringHistoryDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editors.MapGet("/history", History).WithSummary("A string's wording and history in a language (editors)")
            .Produces<StringHistoryDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editors.MapGet("/coverage", Coverage).WithSummary("Per language: interface and questionnaire texts translated, proofread and pending (editors)")
            .Produces<IReadOnlyList<LanguageCoverage>>();
    }

    private static string UserId(ClaimsPrincipal user) =>
        OrganisationAccess.UserIdOf(user) ?? throw new InvalidOperationException("An authorised request has no user id.");

    private static async Task<IResult> Suggest(SuggestRequest request, ClaimsPrincipal user, ProofreadingService service, HttpContext context,
        CancellationToken cancellationToken)
    {
        var outcome = await service.SuggestAsync(UserId(user), request, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/proofreading/suggestions/{outcome.Value!.Id}", outcome.Value)
            : outcome.Refusal!.ToProblem(context);
    }

    private static async Task<IResult> List(string? language, SuggestionStatus? status, ProofreadingService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.SuggestionsAsync(language, status, cancellationToken));

    private static async Task<IResult> Accept(Guid id, ClaimsPrincipal user, ProofreadingService service, HttpContext context,
        CancellationToken cancellationToken) =>
        Answer(await service.AcceptAsync(UserId(user), id, cancellationToken), context);

    private static async Task<IResult> Reject(Guid id, RejectRequest? request, ClaimsPrincipal user, ProofreadingService service, HttpContext context,
        CancellationToken cancellationToken) =>
        Answer(await service.RejectAsync(UserId(user), id, request ?? new RejectRequest(null), cancellationToken), context);

    private static async Task<IResult> MarkProofread(MarkProofreadRequest request, ClaimsPrincipal user, ProofreadingService service,
        HttpContext context, CancellationToken cancellationToken) =>
        Answer(await service.MarkProofreadAsync(UserId(user), request, cancellationToken), context);

    private static async Task<IResult> History(string? language, string? key, ProofreadingService service, HttpContext context,
        CancellationToken cancellationToken) =>
        Answer(await service.HistoryAsync(language, key, cancellationToken), context);

    private static async Task<IResult> Coverage(CoverageReport report, CancellationToken cancellationToken) =>
        TypedResults.Ok(await report.BuildAsync(cancellationToken));

    private static IResult Answer<T>(Outcome<T> outcome, HttpContext context) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal!.ToProblem(context);
}
