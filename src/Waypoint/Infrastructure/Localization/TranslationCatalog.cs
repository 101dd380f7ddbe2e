using System.Collections.Frozen;

namespace Waypoint.Infrastructure.Localization;

/// <summary>
/// Every interface string in every language. The PO files (<c>Localization/Translations/{lang}.po</c>) are read once at
/// start; the wording editors accepted since (overrides, kept in the database) is layered over them with
/// <see cref="ApplyOverrides"/>. English is the source language: its keys are the English texts, so a missing
/// translation shows English.
/// </summary>
internal sealed class TranslationCatalog
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _fromFiles;
    private readonly FrozenDictionary<string, FrozenSet<string>> _sameAsEnglish;

    // Replaced as a whole when the overrides change, so a lookup reads one consistent snapshot without locking.
    private volatile FrozenDictionary<string, FrozenDictionary<string, string>> _effective;

    /// <summary>The flag a translator puts on an entry whose translation is rightly the English text.</summary>
    public const string SameAsEnglishFlag = "#, same-as-english";

    public TranslationCatalog(string directory)
    {
        Directory = directory;
        var fromFiles = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        var sameAsEnglish = new Dictionary<string, FrozenSet<string>>(StringComparer.OrdinalIgnoreCase);
        var template = new List<string>();
        if (System.IO.Directory.Exists(directory))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.po"))
            {
                var language = Path.GetFileNameWithoutExtension(file);
                var entries = Read(file);
                fromFiles[language] = entries
                    .Where(e => e.Text.Length > 0)
                    .ToFrozenDictionary(e => PoFile.Key(e.Context, e.Id), e => e.Text);
                sameAsEnglish[language] = entries
                    .Where(e => e.Comments.Contains(SameAsEnglishFlag))
                    .Select(e => PoFile.Key(e.Context, e.Id))
                    .ToFrozenSet();
            }
            var templateFile = Path.Combine(directory, "waypoint.pot");
            if (File.Exists(templateFile)) template.AddRange(Read(templateFile).Select(e => PoFile.Key(e.Context, e.Id)));
        }
        _fromFiles = fromFiles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _sameAsEnglish = sameAsEnglish.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _effective = _fromFiles;
        // Without a template (a bare test folder), the strings of the PO files are the interface's strings.
        TemplateKeys = template.Count > 0
            ? [.. template.Distinct(StringComparer.Ordinal)]
            : [.. fromFiles.Values.SelectMany(d => d.Keys).Distinct(StringComparer.Ordinal)];
        _templateSet = TemplateKeys.ToFrozenSet(StringComparer.Ordinal);
    }

    private readonly FrozenSet<string> _templateSet;

    public string Directory { get; }

    public IEnumerable<string> LoadedLanguages => _fromFiles.Keys;

    /// <summary>Every interface string (the keys of <c>waypoint.pot</c>), in the template's order.</summary>
    public IReadOnlyList<string> TemplateKeys { get; }

    public bool IsInterfaceString(string key) => _templateSet.Contains(key);

    /// <summary>The wording readers see for <paramref name="key"/> (an accepted override, else the PO file's text),
    /// or null when the language has none.</summary>
    public string? Find(string language, string key) =>
        _effective.TryGetValue(language, out var strings) && strings.TryGetValue(key, out var text) ? text : null;

    /// <summary>The wording readers see, by key.</summary>
    public IReadOnlyDictionary<string, string> StringsOf(string language) =>
        _effective.TryGetValue(language, out var strings) ? strings : FrozenDictionary<string, string>.Empty;

    /// <summary>The PO file's text of <paramref name="key"/>, without overrides; null when it has none.</summary>
    public string? FindInFile(string language, string key) =>
        _fromFiles.TryGetValue(language, out var strings) && strings.TryGetValue(key, out var text) ? text : null;

    /// <summary>The keys the language's PO file flags as rightly the same as English.</summary>
    public FrozenSet<string> SameAsEnglishOf(string language) =>
        _sameAsEnglish.TryGetValue(language, out var keys) ? keys : FrozenSet<string>.Empty;

    /// <summary>Replaces the overrides layered over the PO files: <paramref name="overrides"/> holds, per language, the
    /// accepted wording by key. Lookups switch to the new wording at once.</summary>
    public void ApplyOverrides(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> overrides)
    {
        var effective = new Dictionary<string, FrozenDictionary<string, string>>(_fromFiles, StringComparer.OrdinalIgnoreCase);
        foreach (var (language, texts) in overrides)
        {
            if (texts.Count == 0) continue;
            var merged = _fromFiles.TryGetValue(language, out var fromFile)
                ? new Dictionary<string, string>(fromFile, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, text) in texts) merged[key] = text;
            effective[language] = merged.ToFrozenDictionary(StringComparer.Ordinal);
        }
        _effective = effective.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<PoFile.Entry> Read(string file)
    {
        using var reader = File.OpenText(file);
        return PoFile.Parse(reader);
    }
}
