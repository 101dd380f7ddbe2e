using System.Collections.Frozen;
using System.Collections.Immutable;
using Waypoint.Features.Questionnaires.Translations;

namespace Waypoint.Features.Questionnaires;

/// <summary>
/// Every questionnaire version found in the content folder, read once at start-up. The current questionnaire, the
/// one new assessments use, is the published one with the highest version; older versions stay findable because
/// assessments answered with them keep referring to them.
/// </summary>
internal sealed class QuestionnaireCatalog
{
    private readonly FrozenDictionary<string, Questionnaire> _byVersion;
    private readonly FrozenDictionary<(string Version, string Language), Questionnaire> _translated;

    public QuestionnaireCatalog(IEnumerable<Questionnaire> questionnaires,
        IReadOnlyDictionary<(string Version, string Language), Questionnaire>? translated = null)
    {
        _translated = (translated ?? new Dictionary<(string, string), Questionnaire>()).ToFrozenDictionary();
        All = [.. questionnaires.OrderBy(q => q.Version, QuestionnaireVersion.Comparer)];
        for (var i = 1; i < All.Length; i++)
        {
            if (QuestionnaireVersion.Compare(All[i - 1].Version, All[i].Version) == 0)
                throw new ArgumentException($"Questionnaire versions '{All[i - 1].Version}' and '{All[i].Version}' are the same version.", nameof(questionnaires));
        }
        _byVersion = All.ToFrozenDictionary(q => q.Version, StringComparer.Ordinal);
        Current = All.LastOrDefault(q => q.IsPublished);
    }

    /// <summary>Every version, lowest first, drafts included.</summary>
    public ImmutableArray<Questionnaire> All { get; }

    /// <summary>The published questionnaire with the highest version; null while none is published.</summary>
    public Questionnaire? Current { get; }

    public Questionnaire? Find(string version) => _byVersion.GetValueOrDefault(version);

    /// <summary>The questionnaire as readers of <paramref name="language"/> (ISO 639-1) see it: its translation, with
    /// English wherever a text is not translated; the English source when the language has no translation.</summary>
    public Questionnaire Localize(Questionnaire questionnaire, string language) =>
        _translated.GetValueOrDefault((questionnaire.Version, language)) ?? questionnaire;

    /// <summary>The languages a version is translated into (English, the source, not included).</summary>
    public IEnumerable<string> TranslationsOf(string version) =>
        _translated.Keys.Where(k => k.Version == version).Select(k => k.Language).Order(StringComparer.Ordinal);

    /// <summary>
    /// Reads every <c>*.yaml</c> file directly in <paramref name="directory"/>. A missing or empty folder gives an empty
    /// catalog; any invalid file throws <see cref="QuestionnaireContentException"/> listing the problems of all files.
    /// </summary>
    public static QuestionnaireCatalog Load(string directory)
    {
        if (!Directory.Exists(directory)) return new QuestionnaireCatalog([]);

        var errors = new List<string>();
        var questionnaires = new List<Questionnaire>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (QuestionnaireReader.ReadFile(path, errors) is { } questionnaire) questionnaires.Add(questionnaire);
        }

        var sorted = questionnaires.OrderBy(q => q.Version, QuestionnaireVersion.Comparer).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            // Each file is named after its version, so two files can only clash as numbers ("1.0" and "1.00").
            if (QuestionnaireVersion.Compare(sorted[i - 1].Version, sorted[i].Version) == 0)
                errors.Add($"{sorted[i - 1].Version}.yaml and {sorted[i].Version}.yaml hold the same version; keep one of them.");
        }

        var translated = new Dictionary<(string, string), Questionnaire>();
        foreach (var questionnaire in questionnaires)
        {
            foreach (var (language, localized) in ReadTranslations(directory, questionnaire, errors))
                translated[(questionnaire.Version, language)] = localized;
        }

        return errors.Count == 0 ? new QuestionnaireCatalog(questionnaires, translated) : throw new QuestionnaireContentException(errors);
    }

    /// <summary>Reads <c>translations/&lt;version&gt;/&lt;lang&gt;.yaml</c> beside the source files.</summary>
    private static IEnumerable<(string Language, Questionnaire Localized)> ReadTranslations(string directory, Questionnaire source, List<string> errors)
    {
        var folder = Path.Combine(directory, "translations", source.Version);
        if (!Directory.Exists(folder)) yield break;
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileNameWithoutExtension(path);
            var displayName = $"translations/{source.Version}/{Path.GetFileName(path)}";
            using var reader = File.OpenText(path);
            if (QuestionnaireTranslation.Read(displayName, reader, errors) is not { } translation) continue;
            if (translation.Language != language || translation.Version != source.Version)
            {
                errors.Add($"{displayName}: it says language '{translation.Language}' and version '{translation.Version}'; " +
                    $"a file at this place must say language '{language}' and version '{source.Version}'.");
                continue;
            }
            yield return (language, QuestionnaireTranslator.Apply(source, translation, displayName, errors));
        }
    }
}
