using System.Text.Json.Serialization;

namespace Waypoint.Infrastructure.Api;

internal static class ApiRegistration
{
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

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c>.</summary>
    public static void MapApiDocuments(this WebApplication app) => app.MapOpenApi().AllowAnonymous();

    /// <summary>The root of every JSON endpoint; each feature adds its own group below it.</summary>
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/api/v1" + prefix).WithTags(tag).DisableAntiforgery();
}
