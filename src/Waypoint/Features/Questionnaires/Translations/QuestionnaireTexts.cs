using System.Globalization;

namespace Waypoint.Features.Questionnaires.Translations;

/// <summary>One translatable text of a questionnaire version: its key (see <see cref="QuestionnaireTexts"/>), the English
/// source and the translation of a language (null where the language has none).</summary>
internal sealed record QuestionnaireText(string Key, string Source, string? Translated);

/// <summary>
/// Names every translatable text of a questionnaire version with one key, so that the texts can be proofread like the
/// interface strings (same suggestions, overrides and history), and turns a set of texts by key back into a
/// translation file. Keys start with <see cref="Prefix"/> and the version, which no interface string does:
/// <c>questionnaire:1.0:title</c>, <c>questionnaire:1.0:introduction</c>,
/// <c>questionnaire:1.0:section:governance:title</c> (or <c>:description</c>),
/// <c>questionnaire:1.0:question:governance.strategy:text</c> (or <c>:title</c>, <c>:help</c>, <c>:unit</c>,
/// <c>:level:3</c>, <c>:option:city</c>). Pure.
/// </summary>
internal static class QuestionnaireTexts
{
    public const string Prefix = "questionnaire:";

    public static bool IsQuestionnaireKey(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The version a key names, or null when it is not a questionnaire key.</summary>
    public static string? VersionOf(string key)
    {
        if (!IsQuestionnaireKey(key)) return null;
        var end = key.IndexOf(':', Prefix.Length);
        return end < 0 ? null : key[Prefix.Length..end];
    }

    public static string SectionKey(string version, string section, string part) => $"{Prefix}{version}:section:{section}:{part}";

    /// <summary>Whether the text is one of the question's own (title, text, help, a level or a choice), in any version.</summary>
    public static bool IsOfQuestion(string key, string question) =>
        IsQuestionnaireKey(key) && key.Contains($":question:{question}:", StringComparison.Ordinal);

    public static string QuestionKey(string version, string question, string part) => $"{Prefix}{version}:question:{question}:{part}";

    public static string LevelKey(string version, string question, int level) =>
        QuestionKey(version, question, "level:" + level.ToString(CultureInfo.InvariantCulture));

    public static string OptionKey(string version, string question, string option) => QuestionKey(version, question, "option:" + option);

    /// <summary>Every text of <paramref name="source"/> in reading order, paired with its translation.</summary>
    public static IEnumerable<QuestionnaireText> Of(Questionnaire source, QuestionnaireTranslation? translation)
    {
        var v = source.Version;
        yield return new($"{Prefix}{v}:title", source.Title, Clean(translation?.Title));
        yield return new($"{Prefix}{v}:introduction", source.Introduction, Clean(translation?.Introduction));
        foreach (var section in source.Sections)
        {
            var text = translation?.Sections.GetValueOrDefault(section.Key);
            foreach (var item in OfSection(v, section, text, translation)) yield return item;
        }
    }

    /// <summary>The texts a section's page shows: its title and description and every text of its questions.</summary>
    public static IEnumerable<string> KeysOf(string version, Section section) => OfSection(version, section, null, null).Select(t => t.Key);

    private static IEnumerable<QuestionnaireText> OfSection(string v, Section section, QuestionnaireTranslation.SectionText? text,
        QuestionnaireTranslation? translation)
    {
        yield return new(SectionKey(v, section.Key, "title"), section.Title, Clean(text?.Title));
        yield return new(SectionKey(v, section.Key, "description"), section.Description, Clean(text?.Description));
        foreach (var question in section.Questions)
        {
            var q = translation?.Questions.GetValueOrDefault(question.Key);
            yield return new(QuestionKey(v, question.Key, "title"), question.Title, Clean(q?.Title));
            yield return new(QuestionKey(v, question.Key, "text"), question.Text, Clean(q?.Text));
            if (question.Help is not null) yield return new(QuestionKey(v, question.Key, "help"), question.Help, Clean(q?.Help));
            if (question.Unit is not null) yield return new(QuestionKey(v, question.Key, "unit"), question.Unit, Clean(q?.Unit));
            // The translator refuses a level list that is not complete, so a partial list counts as not translated.
            var levels = q?.Levels is { } l && l.Count == question.Levels.Length && l.All(t => !string.IsNullOrWhiteSpace(t)) ? l : null;
            for (var i = 0; i < question.Levels.Length; i++)
                yield return new(LevelKey(v, question.Key, i + 1), question.Levels[i], Clean(levels?[i]));
            foreach (var option in question.Options)
                yield return new(OptionKey(v, question.Key, option.Key), option.Text, Clean(q?.Options?.GetValueOrDefault(option.Key)));
        }
    }

    /// <summary>
    /// The translation file of <paramref name="language"/> holding <paramref name="texts"/> (translated texts by key).
    /// A question's levels are all or none in a file: when some are given, the others are the English source, which is
    /// what readers see for them anyway.
    /// </summary>
    public static QuestionnaireTranslation ToTranslation(Questionnaire source, string language, IReadOnlyDictionary<string, string> texts)
    {
        var v = source.Version;
        string? Get(string key) => texts.GetValueOrDefault(key);
        var translation = new QuestionnaireTranslation
        {
            Language = language,
            Version = v,
            Title = Get($"{Prefix}{v}:title"),
            Introduction = Get($"{Prefix}{v}:introduction"),
        };
        foreach (var section in source.Sections)
        {
            var title = Get(SectionKey(v, section.Key, "title"));
            var description = Get(SectionKey(v, section.Key, "description"));
            if (title is not null || description is not null)
                translation.Sections[section.Key] = new QuestionnaireTranslation.SectionText { Title = title, Description = description };
            foreach (var question in section.Questions)
            {
                var levels = Enumerable.Range(1, question.Levels.Length).Select(n => Get(LevelKey(v, question.Key, n))).ToList();
                var options = question.Options.Select(o => (o.Key, Text: Get(OptionKey(v, question.Key, o.Key))))
                    .Where(o => o.Text is not null).ToDictionary(o => o.Key, o => o.Text!, StringComparer.Ordinal);
                var text = new QuestionnaireTranslation.QuestionText
                {
                    Title = Get(QuestionKey(v, question.Key, "title")),
                    Text = Get(QuestionKey(v, question.Key, "text")),
                    Help = question.Help is null ? null : Get(QuestionKey(v, question.Key, "help")),
                    Unit = question.Unit is null ? null : Get(QuestionKey(v, question.Key, "unit")),
                    Levels = levels.Any(l => l is not null) ? [.. levels.Select((l, i) => l ?? question.Levels[i])] : null,
                    Options = options.Count > 0 ? options : null,
                };
                if (text.Title is not null || text.Text is not null || text.Help is not null || text.Unit is not null
                    || text.Levels is not null || text.Options is not null)
                    translation.Questions[question.Key] = text;
            }
        }
        return translation;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
