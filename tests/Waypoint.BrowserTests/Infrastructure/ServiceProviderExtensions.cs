using Microsoft.Extensions.DependencyInjection;
using Waypoint.Features.Questionnaires;

namespace Waypoint.BrowserTests.Infrastructure;

internal static class ServiceProviderExtensions
{
    public static Questionnaire GetQuestionnaire(this IServiceProvider services) =>
        services.GetRequiredService<QuestionnaireCatalog>().Current!;
}
