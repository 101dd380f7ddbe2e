using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Features.Authorities;
using Waypoint.Features.Organisations;
using Waypoint.Infrastructure.Api;
using Waypoint.Infrastructure.Problems;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.GoodPractices;

/// <summary>The JSON API of good practices: the public library (anonymous), sharing (an organisation's admins) and
/// moderation (editors).</summary>
internal static class GoodPracticesApi
{
    public static void MapGoodPracticesApi(this IEndpointRouteBuilder app)
    {
        var library = app.MapApiV1("/good-practices", "Good practices");
        library.MapGet("/", Search).AllowAnonymous()
            .WithSummary("Search approved good practices: q (accent-insensitive words), topic, country, type, band, page")
            .WithDescription("20 per page, newest approval first. total counts the matches up to 1,000 (or to the end of the page asked " +
                             "for); when there are more, moreThanTotal is true and total is that limit.")
            .Produces<GoodPracticeResults>().ProducesValidationProblem();
        library.MapGet("/{id:guid}", Get).AllowAnonymous().WithSummary("An approved good practice")
            .Produces<GoodPracticeEntryDto>().ProducesProblem(StatusCodes.Status404NotFound);
        library.MapPost("/", Publish).RequireAuthorization().RequireRateLimiting(WebRegistration.ContributionRateLimit)
            .WithSummary("Share a good practice of a submitted assessment (organisation admins); an editor decides before it is listed")
            .Produces<SharedGoodPracticeDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        library.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization()
            .WithSummary("Withdraw a good practice the organisation shared, from the library or the moderation queue (the organisation's admins)")
            .WithDescription("Body: version (of the shared good practice as read). It may be shared again later, and an editor decides again. " +
                             "409 when it is not pending or approved, or when it changed since that version (currentVersion says the version now).")
            .Produces<SharedGoodPracticeDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        library.MapGet("/organisations/{organisationId:guid}", Publishable).RequireAuthorization()
            .WithSummary("The good practices of an organisation's submitted assessments and what became of those it shared (members)")
            .Produces<IReadOnlyList<PublishableGoodPracticeDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        library.MapGet("/organisations/{organisationId:guid}/peers-strong", PeersStrong).RequireAuthorization()
            .WithSummary("Good practices from peers in the top quarter of the topics where the organisation is below the median (members)")
            .Produces<PeerStrengthsDto>().ProducesProblem(StatusCodes.Status404NotFound);

        var moderation = app.MapApiV1("/good-practices/moderation", "Good practices").RequireAuthorization(PlatformRoles.Editor);
        moderation.MapGet("/", Pending).WithSummary("Shared good practices waiting for a decision, oldest first (editors)")
            .Produces<IReadOnlyList<SharedGoodPracticeDto>>();
        moderation.MapPost("/{id:guid}/approve", Approve).WithSummary("Approve the version read, optionally with corrected text (editors)")
            .Produces<SharedGoodPracticeDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        moderation.MapPost("/{id:guid}/unpublish", Unpublish)
            .WithSummary("Take an approved good practice out of the library, with a reason the organisation's admins receive (editors)")
            .WithDescription("Body: version (as read), reason (at most 500 characters). The organisation may correct it and share it again.")
            .Produces<SharedGoodPracticeDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        moderation.MapPost("/{id:guid}/reject", Reject).WithSummary("Reject the version read with a reason the organisation's admins receive (editors)")
            .Produces<SharedGoodPracticeDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Search(string? q, string? topic, string? country, string? type, string? band, string? page,
        GoodPracticeLibrary library, TopicNames topics, Countries countries, IStringLocalizer<Program> localizer, CancellationToken cancellationToken)
    {
        var (search, errors) = GoodPracticeSearch.Parse(q, topic, country, type, band, page, topics, countries, localizer);
        if (search is null) return ProblemResults.Invalid(errors);
        return TypedResults.Ok(await library.SearchAsync(search, cancellationToken));
    }

    private static async Task<IResult> Get(Guid id, GoodPracticeLibrary library, IStringLocalizer<Program> localizer, CancellationToken cancellationToken) =>
        await library.FindAsync(id, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : ProblemResults.NotFound(localizer["There is no good practice with this id in the library."]);

    private static async Task<IResult> Publish(PublishGoodPracticeRequest request, ClaimsPrincipal user, GoodPracticeService service,
        CancellationToken cancellationToken)
    {
        var outcome = await service.PublishAsync(user, request, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/good-practices/organisations/{outcome.Value!.OrganisationId}", outcome.Value)
            : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> Publishable(Guid organisationId, ClaimsPrincipal user, GoodPracticeService service, CancellationToken cancellationToken) =>
        Answer(await service.PublishableAsync(user, organisationId, cancellationToken));

    private static async Task<IResult> PeersStrong(Guid organisationId, ClaimsPrincipal user, PeerStrengths strengths, CancellationToken cancellationToken) =>
        Answer(await strengths.ForAsync(user, organisationId, cancellationToken));

    private static async Task<IResult> Pending(GoodPracticeService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.PendingAsync(cancellationToken));

    private static async Task<IResult> Approve(Guid id, ApproveGoodPracticeRequest request, ClaimsPrincipal user, GoodPracticeService service,
        CancellationToken cancellationToken) =>
        Answer(await service.ApproveAsync(OrganisationAccess.UserIdOf(user)!, id, request, cancellationToken));

    private static async Task<IResult> Reject(Guid id, RejectGoodPracticeRequest request, ClaimsPrincipal user, GoodPracticeService service,
        CancellationToken cancellationToken) =>
        Answer(await service.RejectAsync(OrganisationAccess.UserIdOf(user)!, id, request, cancellationToken));

    private static async Task<IResult> Withdraw(Guid id, WithdrawGoodPracticeRequest request, ClaimsPrincipal user, GoodPracticeService service,
        CancellationToken cancellationToken) =>
        Answer(await service.WithdrawAsync(user, id, request, cancellationToken));

    private static async Task<IResult> Unpublish(Guid id, UnpublishGoodPracticeRequest request, ClaimsPrincipal user, GoodPracticeService service,
        CancellationToken cancellationToken) =>
        Answer(await service.UnpublishAsync(OrganisationAccess.UserIdOf(user)!, id, request, cancellationToken));

    private static IResult Answer<T>(Outcome<T> outcome) => outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Failure!.ToProblem();
}
