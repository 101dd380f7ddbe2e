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
    private readonly FrozenDictionary<(string Version, string Language), FrozenDictionary<string, string>> _fileTexts;
    private readonly FrozenDictionary<string, string> _sources;
    private volatile Overlay _overlay = Overlay.None;

    /// <summary>The wording editors accepted (by language, then text key), and the questionnaires rebuilt with it.</summary>
    private sealed record Overlay(
        FrozenDictionary<string, FrozenDictionary<string, string>> Texts,
        FrozenDictionary<(string Version, string Language), Questionnaire> Localized)
    {
        public static readonly Overlay None = new(FrozenDictionary<string, FrozenDictionary<string, string>>.Empty,
            FrozenDictionary<(string, string), Questionnaire>.Empty);
    }

    public QuestionnaireCatalog(IEnumerable<Questionnaire> questionnaires,
        IReadOnlyDictionary<(string Version, string Language), QuestionnaireTranslation>? translations = null)
    {
        All = [.. questionnaires.OrderBy(q => q.Version, QuestionnaireVersion.Comparer)];
        for (var i = 1; i < All.Length; i++)
        {
            if (QuestionnaireVersion.Compare(All[i - 1].Version, All[i].Version) == 0)
                throw new ArgumentException($"Questionnaire versions '{All[i - 1].Version}' and '{All[i].Version}' are the same version.", nameof(questionnaires));
        }
        _byVersion = All.ToFrozenDictionary(q => q.Version, StringComparer.Ordinal);
        Current = All.LastOrDefault(q => q.IsPublished);

        var translated = new Dictionary<(string, string), Questionnaire>();
        var fileTexts = new Dictionary<(string, string), FrozenDictionary<string, string>>();
        foreach (var ((version, language), translation) in translations ?? new Dictionary<(string, string), QuestionnaireTranslation>())
        {
            if (_byVersion.GetValueOrDefault(version) is not { } source) continue;
            var errors = new List<string>();
            translated[(version, language)] = QuestionnaireTranslator.Apply(source, translation, $"translations/{version}/{language}.yaml", errors);
            if (errors.Count > 0) throw new QuestionnaireContentException(errors);
            fileTexts[(version, language)] = QuestionnaireTexts.Of(source, translation).Where(t => t.Translated is not null)
                .ToFrozenDictionary(t => t.Key, t => t.Translated!, StringComparer.Ordinal);
        }
        _translated = translated.ToFrozenDictionary();
        _fileTexts = fileTexts.ToFrozenDictionary();
        _sources = All.SelectMany(q => QuestionnaireTexts.Of(q, null)).ToFrozenDictionary(t => t.Key, t => t.Source, StringComparer.Ordinal);
    }

    /// <summary>Every version, lowest first, drafts included.</summary>
    public ImmutableArray<Questionnaire> All { get; }

    /// <summary>The published questionnaire with the highest version; null while none is published.</summary>
    public Questionnaire? Current { get; }

    public Questionnaire? Find(string version) => _byVersion.GetValueOrDefault(version);

    /// <summary>The questionnaire as readers of <paramref name="language"/> (ISO 639-1) see it: its translation with the
    /// wording editors accepted on the platform, and English wherever a text is not translated; the English source when
    /// the language has neither.</summary>
    public Questionnaire Localize(Questionnaire questionnaire, string language) =>
        _overlay.Localized.GetValueOrDefault((questionnaire.Version, language))
        ?? _translated.GetValueOrDefault((questionnaire.Version, language)) ?? questionnaire;

    /// <summary>Whether <paramref name="key"/> names a text of one of the questionnaire versions.</summary>
    public bool IsText(string key) => _sources.ContainsKey(key);

    /// <summary>The English source of a text, or null when no version has that key.</summary>
    public string? SourceOf(string key) => _sources.GetValueOrDefault(key);

    /// <summary>The translation file's text, without the accepted wording; null where the file has none.</summary>
    public string? FindInFile(string language, string key) =>
        QuestionnaireTexts.VersionOf(key) is { } version && _fileTexts.GetValueOrDefault((version, language)) is { } texts
            ? texts.GetValueOrDefault(key)
            : null;

    /// <summary>The wording readers of <paramref name="language"/> see for a text (accepted wording, else the file's
    /// translation); null when the language has none, and readers see English.</summary>
    public string? Find(string language, string key) =>
        (_overlay.Texts.GetValueOrDefault(language) is { } accepted ? accepted.GetValueOrDefault(key) : null) ?? FindInFile(language, key);

    /// <summary>Every text of a version in reading order, with the wording readers of <paramref name="language"/> see.</summary>
    public IEnumerable<QuestionnaireText> TextsOf(Questionnaire questionnaire, string language) =>
        QuestionnaireTexts.Of(questionnaire, null).Select(t => t with { Translated = Find(language, t.Key) });

    /// <summary>
    /// Replaces the wording accepted on the platform, layered over the translation files: <paramref name="overrides"/>
    /// holds, per language, the accepted wording by text key (keys of unknown texts are ignored). Every later
    /// <see cref="Localize"/> shows it.
    /// </summary>
    public void ApplyOverrides(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> overrides)
    {
        var texts = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        var localized = new Dictionary<(string, string), Questionnaire>();
        foreach (var (language, accepted) in overrides)
        {
            var known = accepted.Where(a => _sources.ContainsKey(a.Key)).ToFrozenDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            if (known.Count == 0) continue;
            texts[language] = known;
            foreach (var version in known.Keys.Select(QuestionnaireTexts.VersionOf).Distinct())
            {
                var source = _byVersion[version!];
                var merged = new Dictionary<string, string>(
                    _fileTexts.GetValueOrDefault((source.Version, language)) ?? FrozenDictionary<string, string>.Empty, StringComparer.Ordinal);
                foreach (var (key, text) in known) merged[key] = text;
                var errors = new List<string>();
                localized[(source.Version, language)] = QuestionnaireTranslator.Apply(source,
                    QuestionnaireTexts.ToTranslation(source, language, merged), "accepted wording", errors);
            }
        }
        _overlay = new Overlay(texts.ToFrozenDictionary(StringComparer.Ordinal), localized.ToFrozenDictionary());
    }

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

        var translations = new Dictionary<(string, string), QuestionnaireTranslation>();
        foreach (var questionnaire in questionnaires)
        {
            foreach (var (language, translation) in ReadTranslations(directory, questionnaire, errors))
                translations[(questionnaire.Version, language)] = translation;
        }

        return errors.Count == 0 ? new QuestionnaireCatalog(questionnaires, translations) : throw new QuestionnaireContentException(errors);
    }

    /// <summary>Reads <c>translations/&lt;version&gt;/&lt;lang&gt;.yaml</c> beside the source files.</summary>
    private static IEnumerable<(string Language, QuestionnaireTranslation Translation)> ReadTranslations(string directory, Questionnaire source, List<string> errors)
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
            // Applied once here, only to report the file's content errors with its name; the catalog applies it again.
            var before = errors.Count;
            QuestionnaireTranslator.Apply(source, translation, displayName, errors);
            if (errors.Count == before) yield return (language, translation);
        }
    }
}
