using System.Text;
using Waypoint.Data.Accounts;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Questionnaires.Translations;
using Waypoint.Infrastructure.Localization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Waypoint.Features.Proofreading;

/// <summary>
/// The translation of the current questionnaire in a language as readers see it now: the shipped
/// <c>translations/&lt;version&gt;/&lt;lang&gt;.yaml</c> with the wording editors accepted applied, in the same format, so
/// that it can replace the file in the next release. Editors only.
/// </summary>
internal static class QuestionnaireExport
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .WithQuotingNecessaryStrings()
        .Build();

    public static void MapQuestionnaireExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/proofreading/export/questionnaire/{language}.yaml", Export)
            .RequireAuthorization(PlatformRoles.Editor)
            .ExcludeFromDescription();

    private static IResult Export(string language, QuestionnaireCatalog catalog, Languages languages)
    {
        if (languages.Find(language) is not { } found || found.Code == Languages.Default || catalog.Current is not { } current)
            return Results.NotFound();
        var text = Write(current, found.Code, catalog);
        return Results.File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), "application/yaml; charset=utf-8",
            found.Code + ".yaml");
    }

    public static string Write(Questionnaire questionnaire, string language, QuestionnaireCatalog catalog)
    {
        var texts = catalog.TextsOf(questionnaire, language).Where(t => t.Translated is not null)
            .ToDictionary(t => t.Key, t => t.Translated!, StringComparer.Ordinal);
        var translation = QuestionnaireTexts.ToTranslation(questionnaire, language, texts);
        return $"# Questionnaire {questionnaire.Version} in '{language}', with the wording accepted in Waypoint.\n" + Serializer.Serialize(translation);
    }
}
