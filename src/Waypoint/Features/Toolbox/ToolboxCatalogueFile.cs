using Microsoft.Extensions.Localization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Waypoint.Features.Toolbox;

/// <summary>
/// The shipped catalogue: <c>catalogue.yaml</c> (English) and <c>translations/&lt;lang&gt;.yaml</c> beside it (name and
/// summary by key; anything missing shows in English). Every entry is checked with <see cref="ToolboxRules"/>; a
/// problem in any file makes <see cref="Load"/> throw with the list of all problems, so broken content stops the start.
/// </summary>
internal static class ToolboxCatalogueFile
{
    public const string FileName = "catalogue.yaml";

    /// <summary>In <c>languages</c>: every official EU language.</summary>
    public const string AllLanguages = "all";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build(); // unknown fields are an error, so a misspelt key is caught

    public static IReadOnlyList<ToolboxContent> Load(string directory, ToolboxVocabulary vocabulary, IStringLocalizer localizer)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return [];

        var errors = new List<string>();
        var source = Read<CatalogueYaml>(path, FileName, errors);
        var translations = ReadTranslations(directory, vocabulary, errors);

        var entries = new List<ToolboxContent>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, index) in (source?.Entries ?? []).Select((e, i) => (e, i)))
        {
            var where = $"{FileName}, entry {index + 1} ({item.Key ?? "no key"})";
            if (item.Key is not null && !keys.Add(item.Key)) errors.Add($"{where}: the key '{item.Key}' is used twice.");
            var languages = item.Languages?.Contains(AllLanguages) == true ? vocabulary.LanguageCodes.ToList() : item.Languages;
            var texts = translations
                .Where(t => item.Key is not null && t.Value.TryGetValue(item.Key, out _))
                .ToDictionary(t => t.Key, t => t.Value[item.Key!], StringComparer.Ordinal);
            var draft = new ToolboxDraft
            {
                Key = item.Key,
                Type = item.Type,
                Name = item.Name,
                Summary = item.Summary,
                Url = item.Url,
                Publisher = item.Publisher,
                Source = item.Source,
                Topics = item.Topics,
                Levels = item.Levels,
                Languages = languages,
                Cost = item.Cost,
                Translations = texts,
            };
            var (content, problems) = ToolboxRules.Check(draft, vocabulary, localizer);
            errors.AddRange(problems.SelectMany(p => p.Value.Select(message => $"{where}, {p.Key}: {message}")));
            if (content is not null) entries.Add(content);
        }
        foreach (var (language, byKey) in translations)
        {
            foreach (var unknown in byKey.Keys.Where(k => !keys.Contains(k)))
                errors.Add($"translations/{language}.yaml: there is no entry '{unknown}' in {FileName}.");
        }

        return errors.Count == 0 ? entries : throw new ToolboxContentException(errors);
    }

    private static Dictionary<string, Dictionary<string, ToolboxText>> ReadTranslations(string directory, ToolboxVocabulary vocabulary, List<string> errors)
    {
        var result = new Dictionary<string, Dictionary<string, ToolboxText>>(StringComparer.Ordinal);
        var folder = Path.Combine(directory, "translations");
        if (!Directory.Exists(folder)) return result;
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileNameWithoutExtension(path);
            var displayName = "translations/" + Path.GetFileName(path);
            if (language == ToolboxVocabulary.SourceLanguage || !vocabulary.LanguageCodes.Contains(language))
            {
                errors.Add($"{displayName}: '{language}' is not an official EU language other than English.");
                continue;
            }
            if (Read<TranslationYaml>(path, displayName, errors) is not { } file) continue;
            if (file.Language != language)
            {
                errors.Add($"{displayName}: it says language '{file.Language}'; a file at this place must say '{language}'.");
                continue;
            }
            result[language] = (file.Entries ?? []).ToDictionary(e => e.Key, e => new ToolboxText(e.Value?.Name, e.Value?.Summary), StringComparer.Ordinal);
        }
        return result;
    }

    private static T? Read<T>(string path, string displayName, List<string> errors) where T : class
    {
        try
        {
            using var reader = File.OpenText(path);
            return Deserializer.Deserialize<T>(reader);
        }
        catch (YamlException e)
        {
            errors.Add($"{displayName}, line {e.Start.Line}: {(e.InnerException?.Message ?? e.Message).TrimEnd('.')}.");
            return null;
        }
    }

    private sealed class CatalogueYaml
    {
        public List<EntryYaml>? Entries { get; set; }
    }

    private sealed class EntryYaml
    {
        public string? Key { get; set; }
        public string? Type { get; set; }
        public string? Name { get; set; }
        public string? Summary { get; set; }
        public string? Url { get; set; }
        public string? Publisher { get; set; }
        public string? Source { get; set; }
        public List<string>? Topics { get; set; }
        public List<int>? Levels { get; set; }
        public List<string>? Languages { get; set; }
        public string? Cost { get; set; }
    }

    private sealed class TranslationYaml
    {
        public string Language { get; set; } = "";
        public Dictionary<string, TextYaml?>? Entries { get; set; }
    }

    private sealed class TextYaml
    {
        public string? Name { get; set; }
        public string? Summary { get; set; }
    }
}

/// <summary>The shipped toolbox catalogue is invalid; the message lists every problem with its file and entry.</summary>
internal sealed class ToolboxContentException(IReadOnlyList<string> problems)
    : Exception("The toolbox catalogue is invalid. Fix the following and start again:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
