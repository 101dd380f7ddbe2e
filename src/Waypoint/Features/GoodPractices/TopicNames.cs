using System.Globalization;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.GoodPractices;

/// <summary>The seven topics by key, with their titles in the reader's language (the current questionnaire's wording).
/// Shared by good practices and peer questions, which are both filed under a topic.</summary>
internal sealed class TopicNames(QuestionnaireCatalog catalog)
{
    /// <summary>Key and title of each topic, in questionnaire order, in the current UI language.</summary>
    public IReadOnlyList<(string Key, string Title)> All()
    {
        var questionnaire = Localized();
        return questionnaire is null
            ? [.. Questionnaire.TopicKeys.Select(k => (k, k))]
            : [.. questionnaire.Topics.Select(t => (t.Key, t.Title))];
    }

    public bool IsTopic(string? key) => key is not null && Questionnaire.TopicKeys.Contains(key);

    /// <summary>The topic's title in the current UI language, or its key when the questionnaire does not know it.</summary>
    public string Title(string key) => Localized()?.FindSection(key)?.Title ?? key;

    private Questionnaire? Localized() =>
        catalog.Current is { } current ? catalog.Localize(current, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) : null;
}
