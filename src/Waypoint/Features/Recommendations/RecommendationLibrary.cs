using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Waypoint.Features.Questionnaires;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Waypoint.Features.Recommendations;

/// <summary>The content error of the recommendations library: every problem of every file, so that an author fixes them at once.</summary>
internal sealed class RecommendationContentException(IReadOnlyList<string> problems)
    : Exception("The recommendations library has problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>A translated title and text of one recommendation.</summary>
internal sealed record RecommendationTranslation(string? Title, string? Text);

/// <summary>
/// The library as shipped in <c>content/recommendations</c>: the English entries of <c>library.yaml</c>, each with a
/// digest the seeder compares, and the translations of <c>translations/&lt;lang&gt;.yaml</c> (title and text by key).
/// A language without a translation of a recommendation shows it in English.
/// </summary>
internal sealed class RecommendationLibrary
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, RecommendationTranslation>> _translations;

    public RecommendationLibrary(ImmutableArray<RecommendationDefinition> entries,
        IReadOnlyDictionary<string, FrozenDictionary<string, RecommendationTranslation>>? translations = null)
    {
        Entries = entries;
        _translations = (translations ?? new Dictionary<string, FrozenDictionary<string, RecommendationTranslation>>()).ToFrozenDictionary();
    }

    public ImmutableArray<RecommendationDefinition> Entries { get; }

    public IEnumerable<string> Languages => _translations.Keys.Order(StringComparer.Ordinal);

    /// <summary>The title and text of <paramref name="key"/> in <paramref name="language"/>, each falling back to the
    /// given English text where it is not translated.</summary>
    public (string Title, string Text) Localize(string key, string language, string title, string text)
    {
        if (_translations.TryGetValue(language, out var byKey) && byKey.TryGetValue(key, out var translated))
            return (string.IsNullOrWhiteSpace(translated.Title) ? title : translated.Title.Trim(),
                string.IsNullOrWhiteSpace(translated.Text) ? text : translated.Text.Trim());
        return (title, text);
    }

    public RecommendationTranslation? TranslationOf(string key, string language) =>
        _translations.TryGetValue(language, out var byKey) ? byKey.GetValueOrDefault(key) : null;

    /// <summary>A digest of everything an entry says: the seeder updates a row only when its entry changed.</summary>
    public static string Digest(RecommendationDefinition d)
    {
        var text = string.Join("\u001f", d.Key, d.Level, d.TopicKey, RecommendationFormat.FormatBands(d.Bands),
            RecommendationFormat.FormatRules(d.Answers), string.Join(",", d.CatalogueKeys), d.Horizon, d.InvolvesProcurement, d.Title, d.Text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Reads <c>library.yaml</c> and <c>translations/*.yaml</c> in <paramref name="directory"/>, checking each
    /// entry against <paramref name="questionnaire"/>; throws <see cref="RecommendationContentException"/> listing every problem.</summary>
    public static RecommendationLibrary Load(string directory, Questionnaire questionnaire)
    {
        var path = Path.Combine(directory, "library.yaml");
        if (!File.Exists(path)) return new RecommendationLibrary([]);
        var errors = new List<string>();
        var entries = Read(File.ReadAllText(path), questionnaire, errors);

        var translations = new Dictionary<string, FrozenDictionary<string, RecommendationTranslation>>(StringComparer.Ordinal);
        var folder = Path.Combine(directory, "translations");
        if (Directory.Exists(folder))
        {
            var keys = entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                var language = Path.GetFileNameWithoutExtension(file);
                if (ReadTranslation(File.ReadAllText(file), $"translations/{language}.yaml", keys, errors) is { } translation)
                    translations[language] = translation;
            }
        }
        return errors.Count == 0 ? new RecommendationLibrary(entries, translations) : throw new RecommendationContentException(errors);
    }

    /// <summary>Reads the text of a library file; problems go to <paramref name="errors"/>, each naming the entry.</summary>
    public static ImmutableArray<RecommendationDefinition> Read(string yaml, Questionnaire questionnaire, List<string> errors)
    {
        LibraryFile? file;
        try
        {
            file = Deserializer.Deserialize<LibraryFile>(yaml);
        }
        catch (YamlException e)
        {
            errors.Add($"library.yaml: not valid YAML at line {e.Start.Line}: {e.Message}");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<RecommendationDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, index) in (file?.Recommendations ?? []).Select((e, i) => (e, i)))
        {
            var draft = new RecommendationDraft(entry.Key, entry.Level, entry.Topic, entry.Bands ?? [],
                [.. (entry.Answers ?? []).Select(a => $"{a.Question}:{string.Join(",", a.Levels ?? [])}")],
                entry.Catalogue ?? [], entry.Horizon, entry.InvolvesProcurement, entry.Title, entry.Text);
            var (definition, problems) = RecommendationValidation.Validate(draft, questionnaire, EnglishLocalizer.Instance);
            var name = entry.Key ?? $"entry {index + 1}";
            foreach (var (field, messages) in problems)
            {
                foreach (var message in messages) errors.Add($"library.yaml, {name}, {field}: {message}");
            }
            if (definition is null) continue;
            if (!seen.Add(definition.Key)) errors.Add($"library.yaml: the key {definition.Key} is used twice; keys are unique.");
            else result.Add(definition);
        }
        return result.ToImmutable();
    }

    private static FrozenDictionary<string, RecommendationTranslation>? ReadTranslation(string yaml, string displayName, HashSet<string> keys, List<string> errors)
    {
        TranslationFile? file;
        try
        {
            file = Deserializer.Deserialize<TranslationFile>(yaml);
        }
        catch (YamlException e)
        {
            errors.Add($"{displayName}: not valid YAML at line {e.Start.Line}: {e.Message}");
            return null;
        }
        var result = new Dictionary<string, RecommendationTranslation>(StringComparer.Ordinal);
        foreach (var (key, entry) in file?.Recommendations ?? [])
        {
            if (!keys.Contains(key))
            {
                errors.Add($"{displayName}: {key} is not a recommendation of library.yaml.");
                continue;
            }
            if (Infrastructure.Web.PlainText.ContainsMarkup(entry.Title) || Infrastructure.Web.PlainText.ContainsMarkup(entry.Text))
            {
                errors.Add($"{displayName}: {key} contains markup; translations are plain text.");
                continue;
            }
            result[key] = new RecommendationTranslation(
                RecommendationValidation.Normalise(entry.Title), RecommendationValidation.Normalise(entry.Text));
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // The shapes of the files, as YamlDotNet fills them.
    private sealed class LibraryFile
    {
        public List<LibraryEntry>? Recommendations { get; set; }
    }

    private sealed class LibraryEntry
    {
        public string? Key { get; set; }
        public string? Level { get; set; }
        public string? Topic { get; set; }
        public List<string>? Bands { get; set; }
        public List<LibraryRule>? Answers { get; set; }
        public List<string>? Catalogue { get; set; }
        public string? Horizon { get; set; }
        public bool InvolvesProcurement { get; set; }
        public string? Title { get; set; }
        public string? Text { get; set; }
    }

    private sealed class LibraryRule
    {
        public string? Question { get; set; }
        public List<int>? Levels { get; set; }
    }

    private sealed class TranslationFile
    {
        public string? Language { get; set; }
        public Dictionary<string, TranslationEntry>? Recommendations { get; set; }
    }

    private sealed class TranslationEntry
    {
        public string? Title { get; set; }
        public string? Text { get; set; }
    }
}
