using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Recommendations;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Questionnaires;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Recommendations;

/// <summary>A recommendation as written: in the library file or in the editor's form. Values are loosely typed so
/// that a wrong one gets a message saying what to write.</summary>
internal sealed record RecommendationDraft(
    string? Key,
    string? Level,
    string? Topic,
    IReadOnlyList<string> Bands,
    IReadOnlyList<string> AnswerRules,
    IReadOnlyList<string> CatalogueKeys,
    string? Horizon,
    bool InvolvesProcurement,
    string? Title,
    string? Text);

/// <summary>Checks a draft against the questionnaire (topics, scale questions) and the catalogue keys. Pure; the
/// library loader and the editor pages share it, so a file and a form accept exactly the same recommendations.</summary>
internal static partial class RecommendationValidation
{
    public const int TextMinLength = 20;

    public static (RecommendationDefinition? Definition, Dictionary<string, string[]> Errors) Validate(
        RecommendationDraft draft, Questionnaire questionnaire, IStringLocalizer l)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        var key = draft.Key?.Trim() ?? "";
        if (!KeyPattern().IsMatch(key) || key.Length > Recommendation.KeyMaxLength)
            Add("key", l["The key is 3 to {0} lower-case letters, digits and hyphens, starting with a letter, such as local-data-inventory.", Recommendation.KeyMaxLength]);

        if (!RecommendationFormat.TryParseLevel(draft.Level, out var level))
            Add("level", l["Choose the level: local, regional or national."]);

        var topicKey = draft.Topic?.Trim() ?? "";
        var topic = questionnaire.FindSection(topicKey);
        if (topic is not { Kind: SectionKind.Topic })
            Add("topic", l["Choose one of the topics: {0}.", string.Join(", ", questionnaire.Topics.Select(t => t.Key))]);

        var bands = new List<MaturityLevel>();
        foreach (var text in draft.Bands.Where(b => !string.IsNullOrWhiteSpace(b)))
        {
            if (RecommendationFormat.TryParseBand(text, out var band)) bands.Add(band);
            else Add("bands", l["'{0}' is not a maturity band; use starting, developing, established, advanced or leading.", text.Trim()]);
        }

        var rules = new List<AnswerRule>();
        foreach (var text in draft.AnswerRules.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            if (PlainText.ContainsMarkup(text) || !RecommendationFormat.TryParseRule(text.Trim(), out var rule, out var badLevels))
            {
                Add("answerRules", l["Write each answer rule as a question key, a colon and levels from 1 to 5, such as data_management.data_inventory: 1, 2. '{0}' is not.", Shorten(text)]);
                continue;
            }
            var question = questionnaire.FindQuestion(rule!.QuestionKey);
            if (question is not { Scored: true })
                Add("answerRules", l["'{0}' is not a scored question of the questionnaire.", Shorten(rule.QuestionKey)]);
            else if (topic is { Kind: SectionKind.Topic } && question.SectionKey != topic.Key)
                Add("answerRules", l["The question {0} belongs to another topic than this recommendation's.", rule.QuestionKey]);
            else rules.Add(rule);
        }

        if (bands.Count == 0 && rules.Count == 0 && !errors.ContainsKey("bands") && !errors.ContainsKey("answerRules"))
            Add("bands", l["Say when it applies: choose at least one maturity band or write at least one answer rule."]);

        var catalogue = new List<string>();
        foreach (var text in draft.CatalogueKeys.SelectMany(k => RecommendationFormat.ParseList(k)))
        {
            if (Waypoint.Features.Recommendations.CatalogueKeys.Known.Contains(text)) catalogue.Add(text);
            else Add("catalogueKeys", l["'{0}' is not a toolbox catalogue key.", Shorten(text)]);
        }

        if (!RecommendationFormat.TryParseHorizon(draft.Horizon, out var horizon))
            Add("horizon", l["Choose the horizon: quick_win (three months or less), one_year or three_years."]);

        var title = Normalise(draft.Title);
        if (title is null) Add("title", l["Write a title."]);
        else if (title.Length > Recommendation.TitleMaxLength) Add("title", l["The title has {0} characters; keep it to {1}.", title.Length, Recommendation.TitleMaxLength]);
        else if (PlainText.ContainsMarkup(title)) Add("title", l["The title contains markup or a script; write plain text only, without < > or character codes."]);

        var body = Normalise(draft.Text);
        if (body is null || body.Length < TextMinLength) Add("text", l["Write the recommendation in two to four sentences."]);
        else if (body.Length > Recommendation.TextMaxLength) Add("text", l["The text has {0} characters; keep it to {1}.", body.Length, Recommendation.TextMaxLength]);
        else if (PlainText.ContainsMarkup(body)) Add("text", l["The text contains markup or a script; write plain text only, without < > or character codes."]);

        var result = errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
        if (result.Count > 0) return (null, result);
        return (new RecommendationDefinition(key, level, topicKey, [.. bands.Distinct().Order()], [.. rules],
            [.. catalogue.Distinct(StringComparer.Ordinal)], horizon, draft.InvolvesProcurement, title!, body!), result);
    }

    /// <summary>Outer blanks removed, line breaks and runs of spaces folded into one space (texts are paragraphs); null when empty.</summary>
    public static string? Normalise(string? text)
    {
        if (text is null) return null;
        var folded = Whitespace().Replace(text, " ").Trim();
        return folded.Length == 0 ? null : folded;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text.Trim();

    [GeneratedRegex("^[a-z][a-z0-9-]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}

/// <summary>A localizer that gives the English text itself, for messages to content authors at start-up.</summary>
internal sealed class EnglishLocalizer : IStringLocalizer
{
    public static readonly EnglishLocalizer Instance = new();

    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
