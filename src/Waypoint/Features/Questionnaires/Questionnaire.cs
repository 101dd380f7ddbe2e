using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Waypoint.Features.Questionnaires;

internal enum QuestionnaireStatus
{
    Draft,
    Published,
}

internal enum SectionKind
{
    /// <summary>General information about the authority: used to find peers and read results, never scored.</summary>
    Profile,

    /// <summary>One of the seven scored topics.</summary>
    Topic,
}

internal enum QuestionType
{
    Scale,
    SingleChoice,
    Number,
    YesNo,
    Text,
}

/// <summary>
/// One version of the questionnaire, as read from <c>content/questionnaire/&lt;version&gt;.yaml</c>. Immutable: a
/// submitted assessment keeps pointing at the version it was answered with.
/// </summary>
internal sealed record Questionnaire(
    string Version,
    QuestionnaireStatus Status,
    DateOnly? PublishedOn,
    string Title,
    string Introduction,
    ImmutableArray<Section> Sections)
{
    /// <summary>The seven topic keys, in the order the questionnaire presents them.</summary>
    public static readonly ImmutableArray<string> TopicKeys =
        ["service_design", "governance", "data_management", "interoperability", "technology", "service_delivery", "networking"];

    /// <summary>The key of the profile section (general information).</summary>
    public const string ProfileSectionKey = "general";

    // Get-only, so that a `with` expression cannot leave the lookups below describing other sections.
    public ImmutableArray<Section> Sections { get; } = Sections;

    /// <summary>The scored topic sections, in questionnaire order.</summary>
    public ImmutableArray<Section> Topics { get; } = [.. Sections.Where(s => s.Kind == SectionKind.Topic)];

    public FrozenDictionary<string, Section> SectionsByKey { get; } =
        Sections.ToFrozenDictionary(s => s.Key, StringComparer.Ordinal);

    public FrozenDictionary<string, Question> QuestionsByKey { get; } =
        Sections.SelectMany(s => s.Questions).ToFrozenDictionary(q => q.Key, StringComparer.Ordinal);

    public bool IsPublished => Status == QuestionnaireStatus.Published;

    public Section? FindSection(string key) => SectionsByKey.GetValueOrDefault(key);

    public Question? FindQuestion(string key) => QuestionsByKey.GetValueOrDefault(key);
}

internal sealed record Section(
    string Key,
    SectionKind Kind,
    string Title,
    string Description,
    ImmutableArray<Question> Questions)
{
    public ImmutableArray<Question> Questions { get; } = Questions;

    /// <summary>The questions that count towards the topic's score (all of a topic's questions, none of the profile's).</summary>
    public ImmutableArray<Question> ScoredQuestions { get; } = [.. Questions.Where(q => q.Scored)];
}

internal sealed record Question(
    string Key,
    string SectionKey,
    string Title,
    string Text,
    string? Help,
    QuestionType Type,
    bool Required,
    ImmutableArray<string> Levels,
    ImmutableArray<QuestionOption> Options,
    string? Unit,
    decimal? Min,
    ImmutableArray<string> References)
{
    /// <summary>How many anchored levels a scale question has (level 1 lowest, level 5 highest).</summary>
    public const int ScaleLevels = 5;

    /// <summary>Only 5-level scale questions count towards scores.</summary>
    public bool Scored => Type == QuestionType.Scale;
}

/// <summary>One choice of a single-choice question; the key is what an answer stores.</summary>
internal sealed record QuestionOption(string Key, string Text);
