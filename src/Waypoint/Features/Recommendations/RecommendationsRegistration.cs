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
            if (catalog.Current is not { } questionnaire) return new RecommendationLibrary([]);
            try
            {
                return RecommendationLibrary.Load(directory, questionnaire);
            }
            catch (RecommendationContentException) when (!string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<QuestionnaireOptions>>().Value.Directory))
            {
                // A questionnaire folder of its own (a test or a draft edition) need not have the questions the shipped
                // library names: run without recommendations rather than refuse to start. The shipped pair is always checked.
                return new RecommendationLibrary([]);
            }
        });
        builder.Services.AddScoped<IDatabaseSeeder, RecommendationSeeder>();
        builder.Services.AddScoped<RecommendationService>();
        builder.Services.AddSingleton<PolicyViewCache>();
        return builder;
    }

    public static void MapRecommendations(this WebApplication app)
    {
        // Read the library now, so that invalid content stops the start with its list of problems.
        _ = app.Services.GetRequiredService<RecommendationLibrary>();
        app.MapRecommendationsApi();
    }
}
