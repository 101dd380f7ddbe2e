using System.Globalization;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Toolbox;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Toolbox;

/// <summary>The words people read for types, costs, topics and levels of the catalogue.</summary>
internal sealed class ToolboxLabels(QuestionnaireCatalog questionnaires, IStringLocalizer<Program> localizer)
{
    public static IReadOnlyList<ToolboxEntryType> Types => Enum.GetValues<ToolboxEntryType>();

    public static IReadOnlyList<ToolboxCost> Costs => Enum.GetValues<ToolboxCost>();

    public static IReadOnlyList<int> Levels => [1, 2, 3, 4, 5];

    public string Type(ToolboxEntryType type) => type switch
    {
        ToolboxEntryType.Standard => localizer["Standard or specification"],
        ToolboxEntryType.Toolbox => localizer["Toolbox or blueprint"],
        ToolboxEntryType.Procurement => localizer["Procurement instrument"],
        ToolboxEntryType.Training => localizer["Training or course"],
        ToolboxEntryType.Funding => localizer["Funding programme"],
        ToolboxEntryType.Network => localizer["Network or community"],
        _ => type.ToString(),
    };

    public string Cost(ToolboxCost cost) => cost switch
    {
        ToolboxCost.Free => localizer["Free"],
        ToolboxCost.Paid => localizer["Paid"],
        ToolboxCost.Mixed => localizer["Partly free"],
        ToolboxCost.Funding => localizer["Provides funding"],
        _ => cost.ToString(),
    };

    public string Level(int level) => localizer["Level {0}", level];

    /// <summary>Topic keys with their titles in the reader's language, in the questionnaire's order.</summary>
    public IReadOnlyList<(string Key, string Title)> Topics()
    {
        var titles = questionnaires.Current is { } current
            ? questionnaires.Localize(current, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Topics.ToDictionary(s => s.Key, s => s.Title)
            : [];
        return Questionnaire.TopicKeys.Select(k => (k, titles.GetValueOrDefault(k) ?? k)).ToList();
    }

    public string Topic(string key) => Topics().FirstOrDefault(t => t.Key == key).Title ?? key;
}
