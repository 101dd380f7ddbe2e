using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Waypoint.Features.Questionnaires.Translations;

/// <summary>
/// The texts of one questionnaire version in one language, as kept in
/// <c>content/questionnaire/translations/&lt;version&gt;/&lt;lang&gt;.yaml</c>, keyed by the source's section and
/// question keys. Anything missing falls back to the English source.
/// </summary>
internal sealed class QuestionnaireTranslation
{
    public string Language { get; set; } = "";
    public string Version { get; set; } = "";
    public string? Title { get; set; }
    public string? Introduction { get; set; }
    public Dictionary<string, SectionText> Sections { get; set; } = [];
    public Dictionary<string, QuestionText> Questions { get; set; } = [];

    internal sealed class SectionText
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
    }

    internal sealed class QuestionText
    {
        public string? Title { get; set; }
        public string? Text { get; set; }
        public string? Help { get; set; }
        public string? Unit { get; set; }
        public List<string>? Levels { get; set; }
        public Dictionary<string, string>? Options { get; set; }
    }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build(); // unknown fields are an error, so a misspelt key is caught

    /// <summary>Reads one file; a problem is added to <paramref name="errors"/> with the file name, and null returned.</summary>
    public static QuestionnaireTranslation? Read(string displayName, TextReader text, List<string> errors)
    {
        try
        {
            return Deserializer.Deserialize<QuestionnaireTranslation>(text) ?? Empty(displayName, errors);
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).TrimEnd('.');
            errors.Add($"{displayName}, line {e.Start.Line}: {reason}.");
            return null;
        }
    }

    private static QuestionnaireTranslation? Empty(string displayName, List<string> errors)
    {
        errors.Add($"{displayName}: the file is empty.");
        return null;
    }
}
