using System.Security.Claims;
using Waypoint.Infrastructure.Api;

namespace Waypoint.Features.Dashboard;

/// <summary>Targets and the publication choice of an organisation, for scripts; the dashboard's own figures come from
/// <c>GET /api/v1/benchmarks/me</c>.</summary>
internal static class DashboardApi
{
    public sealed record TargetRequest(decimal? Target);

    public sealed record PublicationRequest(bool? Published);

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapApiV1("/organisations", "Dashboard").RequireAuthorization();

        organisations.MapPut("/{id:guid}/targets/{topicKey}", PutTarget)
            .WithSummary("Set the score (a whole number from 0 to 100) the organisation aims for in a topic (contributors and admins)")
            .Produces<TargetDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisations.MapDelete("/{id:guid}/targets/{topicKey}", DeleteTarget)
            .WithSummary("Remove a topic's target (contributors and admins)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisations.MapPut("/{id:guid}/publication", PutPublication)
            .WithSummary("Publish the organisation's results (published: true) or keep them private (false) (admins)")
            .Produces<PublicationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PutTarget(Guid id, string topicKey, TargetRequest request, ClaimsPrincipal user, DashboardService dashboard,
        CancellationToken cancellationToken)
    {
        var outcome = await dashboard.SetTargetAsync(user, id, topicKey, request.Target, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> DeleteTarget(Guid id, string topicKey, ClaimsPrincipal user, DashboardService dashboard,
        CancellationToken cancellationToken)
    {
        var outcome = await dashboard.RemoveTargetAsync(user, id, topicKey, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> PutPublication(Guid id, PublicationRequest request, ClaimsPrincipal user, DashboardService dashboard,
        CancellationToken cancellationToken)
    {
        var outcome = await dashboard.SetPublishedAsync(user, id, request.Published, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Failure!.ToProblem();
    }
}
