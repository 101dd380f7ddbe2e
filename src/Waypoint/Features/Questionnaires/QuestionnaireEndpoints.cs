using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Api;
using Waypoint.Infrastructure.Problems;

namespace Waypoint.Features.Questionnaires;

internal static class QuestionnaireEndpoints
{
    public static void MapQuestionnaireEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiV1("/questionnaires", "Questionnaires").AllowAnonymous();

        group.MapGet("/current", GetCurrent)
            .WithName("GetCurrentQuestionnaire")
            .WithSummary("The questionnaire new assessments use")
            .WithDescription("The published questionnaire with the highest version: its sections (general information, then the " +
                             "seven scored topics) and their questions, each scale question with its five anchored levels. " +
                             "404 while no questionnaire is published. Anyone may read it.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{version}", GetVersion)
            .WithName("GetQuestionnaire")
            .WithSummary("One questionnaire version")
            .WithDescription("A questionnaire by its version (such as 1.0), including versions that have been replaced, so that " +
                             "older assessments can be read with the questions they were answered with. Draft versions are " +
                             "shown only to content editors; for anyone else, and for a version that does not exist, 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static Results<Ok<QuestionnaireResponse>, ProblemHttpResult> GetCurrent(
        QuestionnaireCatalog catalog, IStringLocalizer<Program> l) =>
        catalog.Current is { } current
            ? TypedResults.Ok(QuestionnaireResponse.From(current))
            : ProblemResults.NotFound(l["No questionnaire has been published yet."]);

    internal static Results<Ok<QuestionnaireResponse>, ProblemHttpResult> GetVersion(
        string version, QuestionnaireCatalog catalog, ClaimsPrincipal user, IStringLocalizer<Program> l)
    {
        var questionnaire = catalog.Find(version);
        if (questionnaire is null || (!questionnaire.IsPublished && !IsEditor(user)))
        {
            var published = string.Join(", ", catalog.All.Where(q => q.IsPublished).Select(q => q.Version));
            return ProblemResults.NotFound(published.Length == 0
                ? l["There is no questionnaire version {0}, and none has been published yet.", version]
                : l["There is no questionnaire version {0}. Published versions: {1}.", version, published]);
        }
        return TypedResults.Ok(QuestionnaireResponse.From(questionnaire));
    }

    private static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(PlatformRoles.Admin) || user.IsInRole(PlatformRoles.Editor);
}
