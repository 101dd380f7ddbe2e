using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace Waypoint.Infrastructure.Api;

internal static class ApiRegistration
{
    /// <summary>Where people browse the API reference (Scalar, served from the application itself).</summary>
    public const string ReferencePath = "/api";

    /// <summary>Where the JSON endpoints live; everything else under <see cref="ReferencePath"/> is the reference.</summary>
    public const string V1Path = "/api/v1";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Waypoint API";
                document.Info.Description = "Digital maturity of Europe's public authorities: directory, organisations, assessments, benchmarks.";
                return Task.CompletedTask;
            });
        });
        // Enums travel by name ("Admin", "Signatory"), as they are stored: readable, and stable when members are added.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>
    /// The OpenAPI document at <c>/openapi/v1.json</c>, and a browsable reference of it at <c>/api</c>. The reference's
    /// script comes from the Scalar package and is served by Waypoint; its web fonts, telemetry, chat agent and developer
    /// toolbar, which would call Scalar's servers, are off, and the page's content security policy only allows Waypoint's own origin.
    /// </summary>
    public static void MapApiDocuments(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("Waypoint API")
                .AddDocument("v1")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .WithNonce())
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>True for the reference page and its assets, which need a policy of their own (see WebRegistration).</summary>
    public static bool IsReferencePath(PathString path) =>
        path.StartsWithSegments(ReferencePath, StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments(V1Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The root of every JSON endpoint; each feature adds its own group below it.</summary>
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(V1Path + prefix).WithTags(tag).DisableAntiforgery();
}
