using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Waypoint.Data;
using Waypoint.Features.Authorities;
using Waypoint.Infrastructure.Api;
using Waypoint.Infrastructure.Problems;

namespace Waypoint.Features.Benchmarks;

/// <summary>
/// The open-data API of the benchmarks: anyone may read a peer group's statistics; an organisation's members may read
/// its own percentile ranks. Suppressed groups say so instead of giving figures (docs/privacy.md). Answers carry an
/// ETag of the data's state, so a caller that sends it back gets 304 until a submission changes the figures.
/// </summary>
internal static class BenchmarksApi
{
    public static void MapBenchmarksApi(this IEndpointRouteBuilder app)
    {
        var benchmarks = app.MapApiV1("/benchmarks", "Benchmarks");

        benchmarks.MapGet("/", Describe).AllowAnonymous()
            .WithSummary("Statistics of a peer group per topic and overall: size, quartiles, median, 10th and 90th percentiles, mean")
            .WithDescription("Every filter is optional: round (a year; the latest with submissions when left out), country (Eurostat code), " +
                             "nuts2 (a NUTS-2 code), type (MemberState, Region, Municipality, OtherPublicBody), band (a population band: " +
                             "Unknown, Under1000, From1000To4999, From5000To19999, From20000To99999, From100000To499999, From500000), topic " +
                             "(overall or a topic key; all measures when left out). A measure of a group smaller than minimumGroupSize, or one " +
                             "that would reveal a smaller group by difference, has suppressed = true and no figures. Send If-None-Match with " +
                             "the ETag to get 304 while nothing changed. Texts follow ?lang= or Accept-Language.")
            .Produces<BenchmarkDto>()
            .ProducesValidationProblem();

        benchmarks.MapGet("/me", Own).RequireAuthorization()
            .WithSummary("An organisation's own scores and percentile ranks in each of its peer groups, its progress and its targets")
            .WithDescription("organisationId: one of your organisations (may be left out when you belong to exactly one). round: a " +
                             "round it submitted (its latest when left out). country, nuts2, type, band: an extra peer group of your " +
                             "choice, returned with key \"custom\". Send If-None-Match with the ETag to get 304 while neither the " +
                             "figures nor the targets changed.")
            .Produces<OwnBenchmarkDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Describe([AsParameters] PeerGroupQuery query, HttpContext http, BenchmarkReports reports, Countries countries,
        IStringLocalizer<Program> l)
    {
        var snapshot = reports.Snapshot;
        var (group, measure, errors) = query.Resolve(snapshot, countries, l);
        if (group is null) return ProblemResults.Invalid(errors);
        // The texts follow the language, so the tag does too.
        var tag = new EntityTagHeaderValue($"\"{snapshot.Tag}-{CultureInfo.CurrentUICulture.Name}\"", isWeak: true);
        if (NotModified(http, tag))
        {
            SetCaching(http, tag);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        SetCaching(http, tag);
        return TypedResults.Ok(reports.Describe(snapshot, group, measure));
    }

    private static async Task<IResult> Own(Guid? organisationId, [AsParameters] PeerGroupQuery query, ClaimsPrincipal user, HttpContext http,
        BenchmarkReports reports, Countries countries, WaypointDbContext db, IStringLocalizer<Program> l, CancellationToken cancellationToken)
    {
        if (organisationId is null)
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            var mine = await db.OrganisationMemberships.AsNoTracking().Where(m => m.UserId == userId)
                .Select(m => m.OrganisationId).Take(2).ToListAsync(cancellationToken);
            if (mine.Count != 1)
                return ProblemResults.Invalid("organisationId", mine.Count == 0
                    ? l["You are not a member of any organisation."]
                    : l["You belong to several organisations: say which one with organisationId."]);
            organisationId = mine[0];
        }
        var (custom, _, errors) = query with { Round = null, Topic = null } is var groupQuery && HasCustomGroup(query)
            ? groupQuery.Resolve(reports.Snapshot, countries, l)
            : (null, null, new Dictionary<string, string[]>());
        if (errors.Count > 0) return ProblemResults.Invalid(errors);
        var context = await reports.OwnContextAsync(user, organisationId.Value, cancellationToken);
        if (context is null) return ProblemResults.NotFound(l["There is no organisation {0} of yours.", organisationId.Value]);
        // A dashboard polls this every few seconds: while neither the figures nor the targets changed, it gets 304.
        var snapshot = reports.Snapshot;
        var tag = new EntityTagHeaderValue($"\"{context.TagOf(snapshot)}\"", isWeak: true);
        http.Response.Headers.ETag = tag.ToString();
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.Vary = "Accept-Language";
        if (NotModified(http, tag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(reports.Own(context, snapshot, custom, query.Round));
    }

    private static bool HasCustomGroup(PeerGroupQuery query) =>
        !string.IsNullOrWhiteSpace(query.Country) || !string.IsNullOrWhiteSpace(query.Nuts2)
        || !string.IsNullOrWhiteSpace(query.Type) || !string.IsNullOrWhiteSpace(query.Band);

    private static bool NotModified(HttpContext http, EntityTagHeaderValue tag) =>
        EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var sent)
        && sent.Any(s => s.Compare(tag, useStrongComparison: false));

    private static void SetCaching(HttpContext http, EntityTagHeaderValue tag)
    {
        http.Response.Headers.ETag = tag.ToString();
        // Anyone may cache it, but must ask again (cheaply, with the ETag) before reusing it: figures change live.
        http.Response.Headers.CacheControl = "public, no-cache";
        http.Response.Headers.Vary = "Accept-Language";
    }
}
