using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Waypoint.Features.Organisations;
using Waypoint.Infrastructure.Api;

namespace Waypoint.Features.Roadmaps;

/// <summary>The JSON API of roadmaps. Members of the organisation read; contributors and admins change; anyone else
/// gets 404 and nothing changes. Every change names the version of the roadmap it was made on (the <c>version</c> of the
/// roadmap as read; in the body, or <c>?version=</c> for a removal): a change on an older version is refused with 409, whose
/// problem details carry <c>currentVersion</c>, and nothing is stored.</summary>
internal static class RoadmapsApi
{
    public static void MapRoadmapsApi(this IEndpointRouteBuilder app)
    {
        var assessments = app.MapApiV1("/assessments", "Roadmaps").RequireAuthorization();
        assessments.MapPost("/{id:guid}/roadmap", Create)
            .WithSummary("Generate the roadmap of a submitted assessment (contributors and admins)")
            .WithDescription("Actions from the recommendations that apply, grouped as quick wins, one year and three years, the topics " +
                             "with the largest gap to the organisation's targets first. 409 when the assessment is a draft or has a roadmap already.")
            .Produces<RoadmapDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var roadmaps = app.MapApiV1("/roadmaps", "Roadmaps").RequireAuthorization();
        roadmaps.MapGet("/{id:guid}", Get)
            .WithSummary("A roadmap: its actions by horizon, each with its reason, catalogue entries, good practices and procurement checklist")
            .Produces<RoadmapDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        roadmaps.MapGet("/{id:guid}/roadmap.pdf", Pdf)
            .WithSummary("The roadmap as a PDF document")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        roadmaps.MapPost("/{id:guid}/actions", Add)
            .WithSummary("Add the organisation's own action (contributors and admins)")
            .WithDescription("Body: title (at most 200 characters), description (at most 2,000), link (http or https), horizon " +
                             "(quick_win, one_year, three_years), owner (at most 120), dueDate (yyyy-mm-dd), status (planned, in_progress, " +
                             "done), involvesProcurement, version (of the roadmap as read). Plain text only: text with markup is refused. " +
                             Stale)
            .Produces<RoadmapActionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        roadmaps.MapPut("/{id:guid}/actions/{actionId:guid}", Update)
            .WithSummary("Change an action's owner, due date, status or horizon; and the title, description and link of an own action")
            .WithDescription("Body: the fields to change, and version (of the roadmap as read). " + Stale)
            .Produces<RoadmapActionDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        roadmaps.MapDelete("/{id:guid}/actions/{actionId:guid}", Remove)
            .WithSummary("Remove an action")
            .WithDescription("Query: version (of the roadmap as read). " + Stale)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        roadmaps.MapPost("/{id:guid}/actions/{actionId:guid}/move", Move)
            .WithSummary("Move an action one place up or down within its horizon")
            .WithDescription("Body: direction (up or down), version (of the roadmap as read). 200 with the roadmap. " + Stale)
            .Produces<RoadmapDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private const string Stale = "409 when someone changed the roadmap since that version: nothing is stored; the problem's currentVersion " +
                                 "is the roadmap's version now: read the roadmap again and make the change on it.";

    private static async Task<IResult> Create(Guid id, ClaimsPrincipal user, RoadmapService service, CancellationToken cancellationToken)
    {
        var outcome = await service.CreateAsync(user, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/roadmaps/{outcome.Value!.Id}", outcome.Value) : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal user, RoadmapService service, CancellationToken cancellationToken) =>
        Answer(await service.GetAsync(user, id, cancellationToken));

    private static async Task<IResult> Pdf(Guid id, ClaimsPrincipal user, RoadmapService service, IStringLocalizer<Program> l, CancellationToken cancellationToken)
    {
        var outcome = await service.GetAsync(user, id, cancellationToken);
        if (!outcome.Succeeded) return outcome.Failure!.ToProblem();
        return TypedResults.File(RoadmapPdf.Render(outcome.Value!, l), "application/pdf", $"roadmap-{outcome.Value!.Round}.pdf");
    }

    private static async Task<IResult> Add(Guid id, AddActionRequest request, ClaimsPrincipal user, RoadmapService service, CancellationToken cancellationToken)
    {
        var outcome = await service.AddActionAsync(user, id, request, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/roadmaps/{id}/actions/{outcome.Value!.Id}", outcome.Value) : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, Guid actionId, UpdateActionRequest request, ClaimsPrincipal user, RoadmapService service,
        CancellationToken cancellationToken) =>
        Answer(await service.UpdateActionAsync(user, id, actionId, request, cancellationToken));

    private static async Task<IResult> Remove(Guid id, Guid actionId, int? version, ClaimsPrincipal user, RoadmapService service, CancellationToken cancellationToken)
    {
        var outcome = await service.RemoveActionAsync(user, id, actionId, version, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> Move(Guid id, Guid actionId, MoveActionRequest request, ClaimsPrincipal user, RoadmapService service,
        CancellationToken cancellationToken) =>
        Answer(await service.MoveActionAsync(user, id, actionId, request, cancellationToken));

    private static IResult Answer<T>(Outcome<T> outcome) => outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Failure!.ToProblem();
}
