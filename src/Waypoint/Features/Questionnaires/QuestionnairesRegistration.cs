using Microsoft.Extensions.Options;

namespace Waypoint.Features.Questionnaires;

internal static partial class QuestionnairesRegistration
{
    public static WebApplicationBuilder AddQuestionnaires(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuestionnaireOptions>().BindConfiguration(QuestionnaireOptions.Section);
        builder.Services.AddSingleton(services =>
        {
            var directory = services.GetRequiredService<IOptions<QuestionnaireOptions>>().Value.ResolveDirectory();
            var catalog = QuestionnaireCatalog.Load(directory);
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(QuestionnaireCatalog));
            if (catalog.Current is { } current) LogLoaded(logger, catalog.All.Length, directory, current.Version);
            else LogNonePublished(logger, directory);
            return catalog;
        });
        return builder;
    }

    public static void MapQuestionnaires(this WebApplication app)
    {
        // Read the content now, so that invalid content stops the start with its list of problems
        // instead of failing the first request that needs a questionnaire.
        _ = app.Services.GetRequiredService<QuestionnaireCatalog>();
        app.MapQuestionnaireEndpoints();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} questionnaire version(s) from {Directory}; the current one is {Version}.")]
    private static partial void LogLoaded(ILogger logger, int count, string directory, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No published questionnaire in {Directory}: assessments cannot start until one is added.")]
    private static partial void LogNonePublished(ILogger logger, string directory);
}
