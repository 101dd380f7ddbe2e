using Waypoint.Features.Questionnaires;
using Waypoint.Features.Questionnaires.Translations;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>
/// The texts members may propose wording for: the interface strings (keyed by their English text) and the texts of
/// every questionnaire version (keyed as <see cref="QuestionnaireTexts"/> says). Suggestions, overrides, confirmations
/// and history treat both alike; only where a text's wording comes from differs.
/// </summary>
internal sealed class ProofreadTexts(TranslationCatalog interfaceStrings, QuestionnaireCatalog questionnaires)
{
    public bool IsKnown(string key) =>
        QuestionnaireTexts.IsQuestionnaireKey(key) ? questionnaires.IsText(key) : interfaceStrings.IsInterfaceString(key);

    public static bool IsQuestionnaireText(string key) => QuestionnaireTexts.IsQuestionnaireKey(key);

    /// <summary>The English source of a known text: the key itself for an interface string.</summary>
    public string SourceOf(string key) => QuestionnaireTexts.IsQuestionnaireKey(key) ? questionnaires.SourceOf(key) ?? key : key;

    /// <summary>The wording readers see (accepted wording, else the file's), or null when the language has none.</summary>
    public string? Find(string language, string key) =>
        QuestionnaireTexts.IsQuestionnaireKey(key) ? questionnaires.Find(language, key) : interfaceStrings.Find(language, key);

    /// <summary>The wording of the shipped file (PO or questionnaire YAML), without accepted wording.</summary>
    public string? FindInFile(string language, string key) =>
        QuestionnaireTexts.IsQuestionnaireKey(key) ? questionnaires.FindInFile(language, key) : interfaceStrings.FindInFile(language, key);
}
