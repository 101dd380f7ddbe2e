using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Features.Questionnaires;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Toolbox;

/// <summary>The toolbox catalogue: instruments for digital transformation, searchable, edited by editors.</summary>
internal static partial class ToolboxRegistration
{
    public static WebApplicationBuilder AddToolbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ToolboxOptions>().BindConfiguration(ToolboxOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new ToolboxVocabulary(
            Questionnaire.TopicKeys.ToHashSet(StringComparer.Ordinal),
            services.GetRequiredService<Languages>().All.Select(l => l.Code).ToList()));
        builder.Services.AddSingleton(services =>
        {
            var directory = services.GetRequiredService<IOptions<ToolboxOptions>>().Value.ResolveDirectory();
            var entries = ToolboxCatalogueFile.Load(directory, services.GetRequiredService<ToolboxVocabulary>(),
                services.GetRequiredService<IStringLocalizer<Program>>());
            LogRead(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ToolboxCatalogueFile)), entries.Count, directory);
            return new ShippedToolbox(entries);
        });
        builder.Services.AddScoped<IDatabaseSeeder, ToolboxSeeder>();
        builder.Services.AddScoped<ToolboxCatalog>();
        builder.Services.AddScoped<ToolboxEditor>();
        builder.Services.AddScoped<ToolboxLabels>();
        return builder;
    }

    public static void MapToolbox(this WebApplication app) => app.MapToolboxApi();

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} toolbox entries from {Directory}.")]
    private static partial void LogRead(ILogger logger, int count, string directory);
}
