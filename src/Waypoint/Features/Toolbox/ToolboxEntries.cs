using System.Security.Cryptography;
using System.Text.Json;
using Waypoint.Data.Toolbox;
using Waypoint.Features.Authorities;

namespace Waypoint.Features.Toolbox;

/// <summary>How checked content is written into an entry, the same way for editors and for the shipped catalogue.</summary>
internal static class ToolboxEntries
{
    private const char Separator = '|';

    /// <summary>A list stored as "|a|b|", so that "|a|" finds one member with a substring test.</summary>
    public static string Join(IEnumerable<string> values) => Separator + string.Join(Separator, values) + Separator;

    public static string Mark(string value) => Separator + value + Separator;

    public static IReadOnlyList<string> Unmark(string stored) => stored.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    public static int LevelBits(IEnumerable<int> levels) => levels.Aggregate(0, (bits, level) => bits | (1 << level));

    public static IReadOnlyList<int> LevelsOf(int bits) =>
        Enumerable.Range(1, ToolboxRules.MaxLevel).Where(level => (bits & (1 << level)) != 0).ToList();

    /// <summary>Writes every field of <paramref name="content"/> into <paramref name="entry"/> (key aside), its
    /// translations included, and refreshes the folded search columns.</summary>
    public static void Apply(ToolboxEntry entry, ToolboxContent content)
    {
        entry.Type = content.Type;
        entry.Name = content.Name;
        entry.Summary = content.Summary;
        entry.Url = content.Url;
        entry.Publisher = content.Publisher;
        entry.Source = content.Source;
        entry.Topics = Join(content.Topics);
        entry.Levels = LevelBits(content.Levels);
        entry.Languages = Join(content.Languages);
        entry.Cost = content.Cost;

        entry.Translations.RemoveAll(t => !content.Translations.ContainsKey(t.Language));
        foreach (var (language, text) in content.Translations)
        {
            var translation = entry.Translations.FirstOrDefault(t => t.Language == language);
            if (translation is null)
            {
                translation = new ToolboxEntryTranslation { Language = language };
                entry.Translations.Add(translation);
            }
            translation.Name = text.Name;
            translation.Summary = text.Summary;
        }

        entry.SearchName = SearchText.Fold(content.Name);
        var texts = new List<string?> { content.Name, content.Summary, content.Publisher };
        texts.AddRange(content.Translations.Values.SelectMany(t => new[] { t.Name, t.Summary }));
        entry.SearchText = SearchText.Fold(string.Join(" \u2022 ", texts.Where(t => !string.IsNullOrWhiteSpace(t))));
    }

    /// <summary>A fingerprint of the content, to tell whether the shipped catalogue changed since it was loaded.</summary>
    public static string Hash(ToolboxContent content)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(content with
        {
            Translations = new SortedDictionary<string, ToolboxText>(content.Translations.ToDictionary(), StringComparer.Ordinal),
        });
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    public static ToolboxDraft ToDraft(ToolboxEntryView entry) => new()
    {
        Key = entry.Localized.Key,
        Type = ApiNames.Of(entry.Localized.Type),
        Name = entry.Name,
        Summary = entry.Summary,
        Url = entry.Localized.Url,
        Publisher = entry.Localized.Publisher,
        Source = entry.Source,
        Topics = entry.Localized.Topics,
        Levels = entry.Localized.Levels,
        Languages = entry.Localized.Languages,
        Cost = ApiNames.Of(entry.Localized.Cost),
        Translations = entry.Translations,
    };

}
