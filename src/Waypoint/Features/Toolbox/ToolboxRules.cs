using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Toolbox;
using Waypoint.Features.Authorities;

namespace Waypoint.Features.Toolbox;

/// <summary>An entry as an editor sent it or the shipped catalogue holds it, before it is checked.</summary>
internal sealed record ToolboxDraft
{
    public string? Key { get; init; }
    public string? Type { get; init; }
    public string? Name { get; init; }
    public string? Summary { get; init; }
    public string? Url { get; init; }
    public string? Publisher { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<string>? Topics { get; init; }
    public IReadOnlyList<int>? Levels { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public string? Cost { get; init; }

    /// <summary>Name and summary by language (ISO 639-1, not English).</summary>
    public IReadOnlyDictionary<string, ToolboxText>? Translations { get; init; }
}

/// <summary>The translatable texts of an entry in one language; null or empty falls back to English.</summary>
internal sealed record ToolboxText(string? Name, string? Summary);

/// <summary>A checked entry: every field valid, texts trimmed, lists sorted and without duplicates.</summary>
internal sealed record ToolboxContent(
    string Key,
    ToolboxEntryType Type,
    string Name,
    string Summary,
    string Url,
    string Publisher,
    string? Source,
    IReadOnlyList<string> Topics,
    IReadOnlyList<int> Levels,
    IReadOnlyList<string> Languages,
    ToolboxCost Cost,
    IReadOnlyDictionary<string, ToolboxText> Translations);

/// <summary>What the checks need to know: the questionnaire's topic keys and the official languages.</summary>
internal sealed record ToolboxVocabulary(IReadOnlySet<string> TopicKeys, IReadOnlyList<string> LanguageCodes)
{
    public const string SourceLanguage = "en";
}

/// <summary>
/// The rules every entry follows, whether an editor typed it or it ships with the application. Texts are plain text:
/// anything that looks like markup (a tag, a comment, an HTML entity) is refused with a message saying so, rather
/// than silently stripped, so that what an editor sees is what is stored. Errors are keyed by the API's field names
/// ("name", "translations.fr.summary").
/// </summary>
internal static partial class ToolboxRules
{
    public const int MaxLevel = 5;

    /// <summary>A word the pages use after /toolbox/, which no key may take.</summary>
    public const string ReservedKey = "new";

    public static (ToolboxContent? Content, Dictionary<string, string[]> Errors) Check(
        ToolboxDraft draft, ToolboxVocabulary vocabulary, IStringLocalizer localizer)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        var key = draft.Key?.Trim() ?? "";
        if (key.Length == 0) Add("key", localizer["Enter a key: lower-case letters and digits, words joined by hyphens (for example \"open-data-guide\")."]);
        else if (key.Length > ToolboxEntry.KeyMaxLength || !KeyPattern().IsMatch(key) || key == ReservedKey)
            Add("key", localizer["The key \"{0}\" is not valid: use at most {1} lower-case letters and digits, words joined by hyphens, and not the word \"new\".", key, ToolboxEntry.KeyMaxLength]);

        ToolboxEntryType type = default;
        if (!ApiNames.TryParse(draft.Type, out type))
            Add("type", localizer["Choose a type: {0}.", string.Join(", ", ApiNames.All<ToolboxEntryType>())]);

        var name = Text(draft.Name, "name", localizer["name"], ToolboxEntry.NameMaxLength, required: true, singleLine: true, Add, localizer);
        var summary = Text(draft.Summary, "summary", localizer["summary"], ToolboxEntry.SummaryMaxLength, required: true, singleLine: false, Add, localizer);
        var publisher = Text(draft.Publisher, "publisher", localizer["publisher"], ToolboxEntry.PublisherMaxLength, required: true, singleLine: true, Add, localizer);
        var source = Text(draft.Source, "source", localizer["source"], ToolboxEntry.SourceMaxLength, required: false, singleLine: false, Add, localizer);

        var url = draft.Url?.Trim() ?? "";
        if (url.Length == 0) Add("url", localizer["Enter the address of the instrument's official page, starting with https://."]);
        else if (url.Length > ToolboxEntry.UrlMaxLength) Add("url", localizer["The address is longer than {0} characters.", ToolboxEntry.UrlMaxLength]);
        else if (!IsWebAddress(url)) Add("url", localizer["\"{0}\" is not a web address: give a full address starting with https:// or http://.", url]);

        var topics = (draft.Topics ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (topics.Count == 0) Add("topics", localizer["Choose at least one topic."]);
        foreach (var unknown in topics.Where(t => !vocabulary.TopicKeys.Contains(t)))
            Add("topics", localizer["\"{0}\" is not a topic of the questionnaire; the topics are: {1}.", unknown, string.Join(", ", vocabulary.TopicKeys.Order(StringComparer.Ordinal))]);

        var levels = (draft.Levels ?? []).Distinct().Order().ToList();
        if (levels.Count == 0) Add("levels", localizer["Choose at least one maturity level (1 to 5)."]);
        foreach (var level in levels.Where(l => l is < 1 or > MaxLevel))
            Add("levels", localizer["{0} is not a maturity level: levels go from 1 to 5.", level]);

        var languages = (draft.Languages ?? []).Select(l => l?.Trim().ToLowerInvariant() ?? "").Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (languages.Count == 0) Add("languages", localizer["Choose at least one language the instrument is available in."]);
        foreach (var unknown in languages.Where(l => !vocabulary.LanguageCodes.Contains(l)))
            Add("languages", localizer["\"{0}\" is not the code of an official EU language.", unknown]);

        ToolboxCost cost = default;
        if (!ApiNames.TryParse(draft.Cost, out cost))
            Add("cost", localizer["Choose a cost: {0}.", string.Join(", ", ApiNames.All<ToolboxCost>())]);

        var translations = new SortedDictionary<string, ToolboxText>(StringComparer.Ordinal);
        foreach (var (rawLanguage, text) in draft.Translations ?? new Dictionary<string, ToolboxText>())
        {
            var language = rawLanguage.Trim().ToLowerInvariant();
            var field = "translations." + language;
            if (language == ToolboxVocabulary.SourceLanguage || !vocabulary.LanguageCodes.Contains(language))
            {
                Add(field, localizer["\"{0}\" is not a language to translate into: use the code of an official EU language other than English.", rawLanguage]);
                continue;
            }
            var translatedName = Text(text?.Name, field + ".name", localizer["name"], ToolboxEntry.NameMaxLength, required: false, singleLine: true, Add, localizer);
            var translatedSummary = Text(text?.Summary, field + ".summary", localizer["summary"], ToolboxEntry.SummaryMaxLength, required: false, singleLine: false, Add, localizer);
            if (translatedName is not null || translatedSummary is not null) translations[language] = new ToolboxText(translatedName, translatedSummary);
        }

        var result = errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        if (result.Count > 0) return (null, result);
        return (new ToolboxContent(key, type, name!, summary!, url, publisher!, source, topics.Order(StringComparer.Ordinal).ToList(), levels,
            languages.Order(StringComparer.Ordinal).ToList(), cost, translations), result);
    }

    public static bool IsWebAddress(string url) =>
        !url.Any(char.IsWhiteSpace)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && uri.UserInfo.Length == 0;

    /// <summary>True when the text holds something a browser could read as markup.</summary>
    public static bool LooksLikeMarkup(string text) => Markup().IsMatch(text);

    private static string? Text(string? value, string field, string label, int maxLength, bool required, bool singleLine,
        Action<string, string> add, IStringLocalizer localizer)
    {
        var text = value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) add(field, localizer["Enter the {0}.", label]);
            return null;
        }
        if (text.Length > maxLength) add(field, localizer["The {0} is {1} characters long; shorten it to at most {2}.", label, text.Length, maxLength]);
        if (LooksLikeMarkup(text)) add(field, localizer["The {0} contains markup (such as <b> or &amp;amp;); write plain text only.", label]);
        if (text.Any(c => char.IsControl(c) && c != '\n' && c != '\t'))
            add(field, localizer["The {0} contains invisible control characters; type it again as plain text.", label]);
        else if (singleLine && text.Contains('\n', StringComparison.Ordinal))
            add(field, localizer["The {0} must be on one line.", label]);
        return text;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"<\s*[A-Za-z!/?]|&#?[A-Za-z0-9]+;")]
    private static partial Regex Markup();
}
