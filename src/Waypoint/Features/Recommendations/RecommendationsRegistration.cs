using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Recommendations;

/// <summary>The recommendations library and the recommendations that apply to a submitted assessment.</summary>
internal static class RecommendationsRegistration
{
    public static WebApplicationBuilder AddRecommendations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RecommendationOptions>().BindConfiguration(RecommendationOptions.Section);
        builder.Services.AddSingleton(services =>
        {
            var directory = services.GetRequiredService<IOptions<RecommendationOptions>>().Value.ResolveDirectory();
            var catalog = services.GetRequiredService<QuestionnaireCatalog>();
            return catalog.Current is { } questionnaire ? RecommendationLibrary.Load(directory, questionnaire) : new RecommendationLibrary([]);
        });
        builder.Services.AddScoped<IDatabaseSeeder, RecommendationSeeder>();
        builder.Services.AddScoped<RecommendationService>();
        return builder;
    }

    public static void MapRecommendations(this WebApplication app)
    {
        // Read the library now, so that invalid content stops the start with its list of problems.
        _ = app.Services.GetRequiredService<RecommendationLibrary>();
        app.MapRecommendationsApi();
    }
}
