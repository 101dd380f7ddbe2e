using Microsoft.AspNetCore.Mvc.ModelBinding;
using Waypoint.Features.Authorities;

namespace Waypoint.Features.Toolbox;

/// <summary>The fields of the editors' form, as posted. Names of translated fields: TranslatedNames[fr], TranslatedSummaries[fr].</summary>
internal sealed class ToolboxEntryInput
{
    public string? Key { get; set; }
    public string? Type { get; set; }
    public string? Name { get; set; }
    public string? Summary { get; set; }
    public string? Url { get; set; }
    public string? Publisher { get; set; }
    public string? Source { get; set; }
    public List<string> Topics { get; set; } = [];
    public List<int> Levels { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public string? Cost { get; set; }
    public Dictionary<string, string?> TranslatedNames { get; set; } = [];
    public Dictionary<string, string?> TranslatedSummaries { get; set; } = [];
    public int? Version { get; set; }

    public ToolboxDraft ToDraft() => new()
    {
        Key = Key,
        Type = Type,
        Name = Name,
        Summary = Summary,
        Url = Url,
        Publisher = Publisher,
        Source = Source,
        Topics = Topics,
        Levels = Levels,
        Languages = Languages,
        Cost = Cost,
        Translations = TranslatedNames.Keys.Union(TranslatedSummaries.Keys, StringComparer.Ordinal)
            .ToDictionary(l => l, l => new ToolboxText(TranslatedNames.GetValueOrDefault(l), TranslatedSummaries.GetValueOrDefault(l)), StringComparer.Ordinal),
    };

    public static ToolboxEntryInput From(ToolboxEntryView entry) => new()
    {
        Key = entry.Localized.Key,
        Type = ApiNames.Of(entry.Localized.Type),
        Name = entry.Name,
        Summary = entry.Summary,
        Url = entry.Localized.Url,
        Publisher = entry.Localized.Publisher,
        Source = entry.Source,
        Topics = [.. entry.Localized.Topics],
        Levels = [.. entry.Localized.Levels],
        Languages = [.. entry.Localized.Languages],
        Cost = ApiNames.Of(entry.Localized.Cost),
        TranslatedNames = entry.Translations.ToDictionary(t => t.Key, t => t.Value.Name, StringComparer.Ordinal),
        TranslatedSummaries = entry.Translations.ToDictionary(t => t.Key, t => t.Value.Summary, StringComparer.Ordinal),
        Version = entry.Version,
    };

    /// <summary>Puts the editor's errors on the form's fields (the ids the error summary links to).</summary>
    public static void AddErrors(ModelStateDictionary modelState, IDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages) modelState.AddModelError(FormField(field), message);
        }
    }

    private static string FormField(string field)
    {
        var parts = field.Split('.');
        if (parts is ["translations", var language, "name"]) return $"Input.TranslatedNames[{language}]";
        if (parts is ["translations", var language2, "summary"]) return $"Input.TranslatedSummaries[{language2}]";
        if (parts is ["translations", var language3]) return $"Input.TranslatedNames[{language3}]";
        return "Input." + char.ToUpperInvariant(field[0]) + field[1..];
    }
}
