using System.Collections.Immutable;

namespace Waypoint.Features.Questionnaires.Translations;

/// <summary>
/// Builds the questionnaire as a reader of one language sees it: the same keys, types and rules as the source, with
/// every text taken from the translation where it has one and from the English source where it has not. Keys that
/// the source does not have, and level or option lists that do not match it, are content errors.
/// </summary>
internal static class QuestionnaireTranslator
{
    public static Questionnaire Apply(Questionnaire source, QuestionnaireTranslation translation, string displayName, List<string> errors)
    {
        foreach (var key in translation.Sections.Keys.Where(k => source.FindSection(k) is null))
            errors.Add($"{displayName}: section '{key}' is not in questionnaire {source.Version}.");
        foreach (var key in translation.Questions.Keys.Where(k => source.FindQuestion(k) is null))
            errors.Add($"{displayName}: question '{key}' is not in questionnaire {source.Version}.");

        var sections = source.Sections.Select(section =>
        {
            var sectionText = translation.Sections.GetValueOrDefault(section.Key);
            var questions = section.Questions.Select(q => Translate(q, translation.Questions.GetValueOrDefault(q.Key), displayName, errors));
            return new Section(section.Key, section.Kind, Pick(sectionText?.Title, section.Title),
                Pick(sectionText?.Description, section.Description), [.. questions]);
        });
        return new Questionnaire(source.Version, source.Status, source.PublishedOn, Pick(translation.Title, source.Title),
            Pick(translation.Introduction, source.Introduction), [.. sections]);
    }

    private static Question Translate(Question question, QuestionnaireTranslation.QuestionText? text, string displayName, List<string> errors)
    {
        if (text is null) return question;

        var levels = question.Levels;
        if (text.Levels is { } translatedLevels)
        {
            if (translatedLevels.Count != question.Levels.Length || translatedLevels.Any(string.IsNullOrWhiteSpace))
                errors.Add($"{displayName}: question '{question.Key}' must have {question.Levels.Length} non-empty levels, as the source has.");
            else
                levels = [.. translatedLevels];
        }

        var options = question.Options;
        if (text.Options is { } translatedOptions)
        {
            foreach (var key in translatedOptions.Keys.Where(k => question.Options.All(o => o.Key != k)))
                errors.Add($"{displayName}: question '{question.Key}' has no option '{key}'.");
            options = [.. question.Options.Select(o => o with { Text = Pick(translatedOptions.GetValueOrDefault(o.Key), o.Text) })];
        }

        return question with
        {
            Title = Pick(text.Title, question.Title),
            Text = Pick(text.Text, question.Text),
            Help = question.Help is null ? null : Pick(text.Help, question.Help),
            Unit = question.Unit is null ? null : Pick(text.Unit, question.Unit),
            Levels = levels,
            Options = options,
        };
    }

    private static string Pick(string? translated, string source) => string.IsNullOrWhiteSpace(translated) ? source : translated.Trim();
}
