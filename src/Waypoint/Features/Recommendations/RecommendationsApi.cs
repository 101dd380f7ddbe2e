using System.Security.Claims;
using Waypoint.Infrastructure.Api;

namespace Waypoint.Features.Recommendations;

/// <summary>The recommendations of an assessment (members of its organisation only; anyone else gets 404).</summary>
internal static class RecommendationsApi
{
    public static void MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var assessments = app.MapApiV1("/assessments", "Recommendations").RequireAuthorization();
        assessments.MapGet("/{id:guid}/recommendations", ForAssessment)
            .WithSummary("The recommendations that apply to a submitted assessment, by topic, each with the answers that triggered it")
            .WithDescription("For members of the assessment's organisation. Recommendations of the authority's own level (local, regional " +
                             "or national) whose topic band or answer rules match; each names the answers (question, level and its " +
                             "description) that made it apply and links toolbox catalogue entries by key. 409 while the assessment is a draft.")
            .Produces<AssessmentRecommendationsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ForAssessment(Guid id, ClaimsPrincipal user, RecommendationService service, CancellationToken cancellationToken)
    {
        var outcome = await service.ForAssessmentAsync(user, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Failure!.ToProblem();
    }
}
