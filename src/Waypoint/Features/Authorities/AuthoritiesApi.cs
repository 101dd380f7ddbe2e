using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Data.Authorities;
using Waypoint.Features.Authorities.Proposals;
using Waypoint.Infrastructure.Api;
using Waypoint.Infrastructure.Problems;

namespace Waypoint.Features.Authorities;

/// <summary>One authority in a list.</summary>
internal sealed record AuthorityItem(
    int Id,
    string Name,
    string Country,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<AuthorityType>))] AuthorityType Type,
    long? Population,
    string? NutsCode,
    int? ParentId)
{
    public static AuthorityItem From(AuthoritySummary a) => new(a.Id, a.Name, a.Country, a.Type, a.Population, a.NutsCode, a.ParentId);
}

/// <summary>A page of search results; <c>total</c> counts every match.</summary>
internal sealed record AuthorityList(IReadOnlyList<AuthorityItem> Items, int Page, int PageSize, int Total);

/// <summary>One authority with the chain of regions above it (nearest first, member state last).</summary>
internal sealed record AuthorityDetails(
    int Id,
    string Code,
    string Name,
    string Country,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<AuthorityType>))] AuthorityType Type,
    int? NutsLevel,
    string? NutsCode,
    long? Population,
    double? AreaKm2,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<OtherBodyKind>))] OtherBodyKind? Kind,
    int? ParentId,
    IReadOnlyList<AuthorityItem> Parents,
    bool HasOrganisation);

/// <summary>A proposal of another public body. Every field is checked by the endpoint, which answers what to fix.</summary>
internal sealed record ProposalRequest
{
    /// <summary>The body's official name, at most 200 characters.</summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>What kind of body it is.</summary>
    [Required]
    [ApiEnum(typeof(OtherBodyKind))]
    public string? Kind { get; init; }

    /// <summary>Eurostat code of the member state (EL for Greece).</summary>
    [Required]
    public string? Country { get; init; }

    /// <summary>Optional: the id of the authority in the directory it belongs to, in the same country.</summary>
    public int? ParentId { get; init; }
}

internal sealed record ProposalItem(
    int Id,
    string Name,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<OtherBodyKind>))] OtherBodyKind Kind,
    string Country,
    int? ParentId,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<AuthorityStatus>))] AuthorityStatus Status,
    DateTimeOffset? ProposedAt)
{
    public static ProposalItem From(ProposalView p) => new(p.Id, p.Name, p.Kind, p.Country, p.ParentId, p.Status, p.ProposedAt);
}

/// <summary>The directory of authorities: anyone may search and read it; signed-in people propose other public
/// bodies; platform admins approve or reject them.</summary>
internal static class AuthoritiesApi
{
    public static void MapAuthoritiesApi(this WebApplication app)
    {
        var group = app.MapApiV1("/authorities", "Authorities");

        group.MapGet("", Search).AllowAnonymous()
            .WithSummary("Search the directory")
            .WithDescription("Accent- and case-insensitive search of every EU member state, NUTS region and municipality, and approved other public bodies. " +
                "Exact matches first, then names starting with the text (or with a word that does), then the rest; larger populations first. 20 per page.")
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                OpenApiEnums.DescribeQueryParameter(operation, "type", ApiNames.All<AuthorityType>());
                var countries = context.ApplicationServices.GetRequiredService<Countries>();
                OpenApiEnums.DescribeQueryParameter(operation, "country", countries.All.Select(c => c.Code).Order(StringComparer.Ordinal));
                return Task.CompletedTask;
            });
        group.MapGet("/{id:int}", Get).AllowAnonymous().WithSummary("One authority, with the regions above it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var proposals = group.MapGroup("/proposals");
        proposals.MapPost("", Propose).RequireAuthorization().WithSummary("Propose another public body (signed-in)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        proposals.MapGet("", Pending).RequireAuthorization(PlatformRoles.Admin).WithSummary("Proposals waiting for review (admin)");
        proposals.MapGet("/{id:int}", GetProposal).RequireAuthorization().WithSummary("One proposal (admin, or the person who proposed it)");
        proposals.MapPost("/{id:int}/approve", Approve).RequireAuthorization(PlatformRoles.Admin).WithSummary("Approve a proposal: the body joins the directory (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        proposals.MapPost("/{id:int}/reject", Reject).RequireAuthorization(PlatformRoles.Admin).WithSummary("Reject a proposal (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <param name="q">Text to find in names, at most 100 characters; accents and case do not matter.</param>
    /// <param name="country">Eurostat code of a member state (EL for Greece; GR is accepted too).</param>
    /// <param name="type">memberState, region, municipality or otherPublicBody.</param>
    /// <param name="page">1-based page number, at most 500: narrow the search to reach further.</param>
    private static async Task<Results<Ok<AuthorityList>, ValidationProblem>> Search(
        string? q, string? country, string? type, string? page,
        AuthorityDirectory directory, Countries countries, IStringLocalizer<Program> localizer, CancellationToken cancellationToken)
    {
        var (search, errors) = AuthoritySearchRequest.Parse(q, country, type, page, countries, localizer);
        if (search is null) return ProblemResults.Invalid(errors);
        var results = await directory.SearchAsync(search, cancellationToken);
        return TypedResults.Ok(new AuthorityList(results.Items.Select(AuthorityItem.From).ToList(), results.Page, results.PageSize, results.Total));
    }

    private static async Task<Results<Ok<AuthorityDetails>, ProblemHttpResult>> Get(
        int id, AuthorityDirectory directory, IStringLocalizer<Program> localizer, CancellationToken cancellationToken)
    {
        var card = await directory.FindAsync(id, cancellationToken);
        if (card is null) return ProblemResults.NotFound(localizer["There is no authority number {0} in the directory.", id].Value);
        return TypedResults.Ok(new AuthorityDetails(card.Id, card.Code, card.Name, card.Country, card.Type, card.NutsLevel, card.NutsCode,
            card.Population, card.AreaKm2, card.OtherBodyKind, card.Parents.FirstOrDefault()?.Id,
            card.Parents.Select(AuthorityItem.From).ToList(), card.OrganisationId is not null));
    }

    private static async Task<Results<Created<ProposalItem>, ValidationProblem, ProblemHttpResult>> Propose(
        ProposalRequest request, ClaimsPrincipal user, BodyProposals proposals, CancellationToken cancellationToken)
    {
        var outcome = await proposals.ProposeAsync(new ProposalInput(request.Name, request.Kind, request.Country, request.ParentId),
            UserId(user), cancellationToken);
        if (outcome.Errors.Count > 0) return ProblemResults.Invalid(outcome.Errors);
        if (outcome.Conflict is not null) return ProblemResults.Conflict(outcome.Conflict);
        var item = ProposalItem.From(outcome.Proposal!);
        return TypedResults.Created($"/api/v1/authorities/proposals/{item.Id}", item);
    }

    private static async Task<Ok<List<ProposalItem>>> Pending(BodyProposals proposals, CancellationToken cancellationToken) =>
        TypedResults.Ok((await proposals.PendingAsync(cancellationToken)).Select(ProposalItem.From).ToList());

    private static async Task<Results<Ok<ProposalItem>, ProblemHttpResult>> GetProposal(
        int id, ClaimsPrincipal user, BodyProposals proposals, IStringLocalizer<Program> localizer, CancellationToken cancellationToken)
    {
        var proposal = await proposals.FindAsync(id, cancellationToken);
        // Someone else's proposal is reported as missing, not forbidden: whether it exists is not theirs to know.
        if (proposal is null || (proposal.ProposedById != UserId(user) && !user.IsInRole(PlatformRoles.Admin)))
        {
            return ProblemResults.NotFound(localizer["There is no proposal number {0}.", id].Value);
        }
        return TypedResults.Ok(ProposalItem.From(proposal));
    }

    private static Task<Results<Ok<ProposalItem>, ProblemHttpResult>> Approve(
        int id, BodyProposals proposals, IStringLocalizer<Program> localizer, CancellationToken cancellationToken) =>
        Decide(id, proposals.ApproveAsync, proposals, localizer, cancellationToken);

    private static Task<Results<Ok<ProposalItem>, ProblemHttpResult>> Reject(
        int id, BodyProposals proposals, IStringLocalizer<Program> localizer, CancellationToken cancellationToken) =>
        Decide(id, proposals.RejectAsync, proposals, localizer, cancellationToken);

    private static async Task<Results<Ok<ProposalItem>, ProblemHttpResult>> Decide(
        int id, Func<int, CancellationToken, Task<DecisionOutcome>> decide, BodyProposals proposals,
        IStringLocalizer<Program> localizer, CancellationToken cancellationToken)
    {
        var outcome = await decide(id, cancellationToken);
        if (outcome == DecisionOutcome.NotFound) return ProblemResults.NotFound(localizer["There is no proposal number {0}.", id].Value);
        var proposal = (await proposals.FindAsync(id, cancellationToken))!;
        if (outcome == DecisionOutcome.AlreadyDecided)
        {
            return ProblemResults.Conflict(localizer["This proposal has already been decided (it is {0}).",
                ApiNames.Of(proposal.Status)].Value);
        }
        return TypedResults.Ok(ProposalItem.From(proposal));
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");
}
