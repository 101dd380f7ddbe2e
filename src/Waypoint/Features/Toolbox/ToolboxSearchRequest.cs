using System.Globalization;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Toolbox;
using Waypoint.Features.Authorities;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Toolbox;

/// <summary>Reads a catalogue search from query-string values, shared by the page and the API. Errors are keyed by the
/// API's parameter names (q, type, topic, level, lang, cost, page).</summary>
internal static class ToolboxSearchRequest
{
    public const int MaxTextLength = 100;
    public const int MaxPage = 100;

    public static (ToolboxSearch? Search, Dictionary<string, string[]> Errors) Parse(
        string? q, string? type, string? topic, string? level, string? language, string? cost, string? page,
        ToolboxVocabulary vocabulary, IStringLocalizer localizer)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var text = q?.Trim() ?? "";
        if (text.Length > MaxTextLength) errors["q"] = [localizer["The search text is longer than {0} characters; shorten it.", MaxTextLength]];

        ToolboxEntryType? parsedType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (ApiNames.TryParse<ToolboxEntryType>(type, out var t)) parsedType = t;
            else errors["type"] = [localizer["\"{0}\" is not a type of instrument; choose one of: {1}.", type, string.Join(", ", ApiNames.All<ToolboxEntryType>())]];
        }

        string? parsedTopic = null;
        if (!string.IsNullOrWhiteSpace(topic))
        {
            parsedTopic = topic.Trim().ToLowerInvariant();
            if (!vocabulary.TopicKeys.Contains(parsedTopic))
            {
                errors["topic"] = [localizer["\"{0}\" is not a topic; choose one of: {1}.", topic, string.Join(", ", Questionnaire.TopicKeys)]];
                parsedTopic = null;
            }
        }

        int? parsedLevel = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l is >= 1 and <= ToolboxRules.MaxLevel) parsedLevel = l;
            else errors["level"] = [localizer["\"{0}\" is not a maturity level; choose a level from 1 to 5.", level]];
        }

        string? parsedLanguage = null;
        if (!string.IsNullOrWhiteSpace(language))
        {
            parsedLanguage = language.Trim().ToLowerInvariant();
            if (!vocabulary.LanguageCodes.Contains(parsedLanguage))
            {
                errors["lang"] = [localizer["\"{0}\" is not the code of an official EU language.", language]];
                parsedLanguage = null;
            }
        }

        ToolboxCost? parsedCost = null;
        if (!string.IsNullOrWhiteSpace(cost))
        {
            if (ApiNames.TryParse<ToolboxCost>(cost, out var c)) parsedCost = c;
            else errors["cost"] = [localizer["\"{0}\" is not a cost; choose one of: {1}.", cost, string.Join(", ", ApiNames.All<ToolboxCost>())]];
        }

        var parsedPage = 1;
        if (!string.IsNullOrWhiteSpace(page)
            && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out parsedPage) || parsedPage is < 1 or > MaxPage))
        {
            errors["page"] = [localizer["The page must be a number from 1 to {0}.", MaxPage]];
        }

        if (errors.Count > 0) return (null, errors);
        return (new ToolboxSearch(text, parsedType, parsedTopic, parsedLevel, parsedLanguage, parsedCost, parsedPage), errors);
    }
}
