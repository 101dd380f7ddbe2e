using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Waypoint.Infrastructure.Localization;

/// <summary>
/// Every interface string in every language, loaded once at start from <c>Localization/Translations/{lang}.po</c>.
/// English is the source language: its keys are the English texts, so a missing translation shows English.
/// </summary>
internal sealed class TranslationCatalog
{
    private readonly ConcurrentDictionary<string, FrozenDictionary<string, string>> _byLanguage = new(StringComparer.OrdinalIgnoreCase);

    public TranslationCatalog(string directory)
    {
        Directory = directory;
        if (!System.IO.Directory.Exists(directory)) return;
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.po"))
        {
            var language = Path.GetFileNameWithoutExtension(file);
            using var reader = File.OpenText(file);
            var entries = PoFile.Parse(reader);
            _byLanguage[language] = entries
                .Where(e => e.Text.Length > 0)
                .ToFrozenDictionary(e => PoFile.Key(e.Context, e.Id), e => e.Text);
        }
    }

    public string Directory { get; }

    public IEnumerable<string> LoadedLanguages => _byLanguage.Keys;

    /// <summary>The translation of <paramref name="key"/>, or null when the language has none.</summary>
    public string? Find(string language, string key) =>
        _byLanguage.TryGetValue(language, out var strings) && strings.TryGetValue(key, out var text) ? text : null;

    public IReadOnlyDictionary<string, string> StringsOf(string language) =>
        _byLanguage.TryGetValue(language, out var strings) ? strings : FrozenDictionary<string, string>.Empty;
}
