using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Waypoint.Features.Analytics.Maps;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;
using Waypoint.Infrastructure.Api;
using Waypoint.Infrastructure.Problems;

namespace Waypoint.Features.Analytics;

/// <param name="Suppressed">True when the place's figures may not be shown (fewer organisations than the minimum, none
/// at all, or differencing); then Count and Median are null.</param>
internal sealed record MapPlaceDto(string Code, string Country, string Name, bool Suppressed, string? Reason, int? Count, double? Median);

internal sealed record MapDto(int Round, int Level, string Measure, string? Type, string? Band, int MinimumGroupSize,
    IReadOnlyList<MapPlaceDto> Places, string Attribution, DateTimeOffset? DataAsOf);

/// <summary>The public side of the analytics: the map's figures as JSON, and the exports behind the page's download
/// links. All of them anonymous: they carry only the engine's aggregates, suppressed by its rules.</summary>
internal static class AnalyticsApi
{
    public const string Attribution = "Boundaries: Eurostat GISCO, NUTS 2021 (1:20M). © EuroGeographics for the administrative boundaries.";

    public static void MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var benchmarks = app.MapApiV1("/benchmarks", "Benchmarks");
        benchmarks.MapGet("/map", Map).AllowAnonymous()
            .WithSummary("Median score and size of every EU country or NUTS-2 region, for a choropleth map")
            .WithDescription("round (a year; the latest with submissions when left out), level (0 for countries, the default; 2 for NUTS-2 " +
                             "regions), topic (overall or a topic key), type, band and country (the places of one member state only) as in " +
                             "/api/v1/benchmarks. Every EU place is listed; a place whose group is smaller than minimumGroupSize, has no " +
                             "submissions, or would reveal a smaller group by difference has suppressed = true and no figures. Send " +
                             "If-None-Match with the ETag to get 304 while nothing changed.")
            .Produces<MapDto>()
            .ProducesValidationProblem();

        app.MapGet("/analytics/export.csv", ExportCsv).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/analytics/export.xlsx", ExportXlsx).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Map([AsParameters] AnalyticsQuery query, HttpContext http, AnalyticsReport report, Countries countries,
        IStringLocalizer<Program> l)
    {
        var snapshot = report.Snapshot;
        var (filter, errors) = query.Resolve(snapshot, countries, l);
        if (filter is null) return ProblemResults.Invalid(errors);
        var tag = new EntityTagHeaderValue($"\"map-{snapshot.Tag}-{CultureInfo.CurrentUICulture.Name}\"", isWeak: true);
        http.Response.Headers.ETag = tag.ToString();
        // Anyone may cache it, but must ask again (cheaply, with the ETag) before reusing it: figures change live.
        http.Response.Headers.CacheControl = "public, no-cache";
        http.Response.Headers.Vary = "Accept-Language";
        if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var sent) && sent.Any(s => s.Compare(tag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var places = report.MapPlaces(snapshot, filter, filter.Level).Where(p => p.InSelection).Select(p => new MapPlaceDto(
            p.Shape.Code, p.Shape.CountryCode, p.Name, !p.Summary!.IsShown, p.Summary.IsShown ? null : BenchmarkLabels.ReasonCode(p.Summary.Suppressed),
            p.Summary.Count, p.Summary.Median is { } m ? Math.Round(m, 1, MidpointRounding.AwayFromZero) : null)).ToList();
        var group = filter.Group;
        return TypedResults.Ok(new MapDto(group.Round, filter.Level, filter.MeasureKey, group.AuthorityType?.ToString(), group.PopulationBand?.ToString(),
            snapshot.Cube.MinimumGroupSize, places, Attribution, snapshot.LastRecordedAt == DateTimeOffset.MinValue ? null : snapshot.LastRecordedAt));
    }

    private static async Task<IResult> ExportCsv([AsParameters] AnalyticsQuery query, HttpContext http, AnalyticsReport report, AnalyticsExports exports,
        Countries countries, IStringLocalizer<Program> l, CancellationToken cancellationToken)
    {
        var snapshot = report.Snapshot;
        var (filter, errors) = query.Resolve(snapshot, countries, l);
        if (filter is null) return ProblemResults.Invalid(errors);
        http.Response.ContentType = AnalyticsExports.CsvContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(filter)}.csv\"";
        await exports.WriteCsvAsync(http.Response.Body, snapshot, filter, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<IResult> ExportXlsx([AsParameters] AnalyticsQuery query, AnalyticsReport report, AnalyticsExports exports,
        Countries countries, IStringLocalizer<Program> l, CancellationToken cancellationToken)
    {
        var snapshot = report.Snapshot;
        var (filter, errors) = query.Resolve(snapshot, countries, l);
        if (filter is null) return ProblemResults.Invalid(errors);
        var bytes = await exports.XlsxAsync(snapshot, filter, cancellationToken);
        return TypedResults.File(bytes, AnalyticsExports.XlsxContentType, FileName(filter) + ".xlsx");
    }

    private static string FileName(AnalyticsFilter filter)
    {
        var group = filter.Group;
        var parts = new List<string> { "waypoint-benchmarks", group.Round.ToString(CultureInfo.InvariantCulture) };
        if (group.Country is not null) parts.Add(group.Country);
        if (group.AuthorityType is { } type) parts.Add(type.ToString());
        if (group.PopulationBand is { } band) parts.Add(band.ToString());
        if (filter.Topic is { } topic) parts.Add(BenchmarkMeasures.Keys[topic]);
        return string.Join('-', parts).ToLowerInvariant();
    }
}
