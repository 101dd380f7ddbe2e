namespace Waypoint.Features.Questionnaires;

/// <summary>A questionnaire version as the API shows it; names and values follow the content files.</summary>
internal sealed record QuestionnaireResponse(
    string Version,
    string Status,
    DateOnly? PublishedOn,
    string Title,
    string Introduction,
    IReadOnlyList<SectionResponse> Sections)
{
    public static QuestionnaireResponse From(Questionnaire questionnaire) => new(
        questionnaire.Version,
        questionnaire.Status == QuestionnaireStatus.Published ? "published" : "draft",
        questionnaire.PublishedOn,
        questionnaire.Title,
        questionnaire.Introduction,
        [.. questionnaire.Sections.Select(SectionResponse.From)]);
}

/// <param name="Kind"><c>profile</c> (general information, not scored) or <c>topic</c> (one of the seven scored topics).</param>
internal sealed record SectionResponse(string Key, string Kind, string Title, string Description, IReadOnlyList<QuestionResponse> Questions)
{
    public static SectionResponse From(Section section) => new(
        section.Key,
        section.Kind == SectionKind.Topic ? "topic" : "profile",
        section.Title,
        section.Description,
        [.. section.Questions.Select(QuestionResponse.From)]);
}

/// <param name="Type"><c>scale</c>, <c>single_choice</c>, <c>number</c>, <c>yes_no</c> or <c>text</c>.</param>
/// <param name="Levels">For a scale question, the five level descriptions from level 1 (lowest) to level 5; otherwise empty.</param>
/// <param name="Options">For a single_choice question, its choices; otherwise empty.</param>
internal sealed record QuestionResponse(
    string Key,
    string Title,
    string Text,
    string? Help,
    string Type,
    bool Scored,
    bool Required,
    IReadOnlyList<string> Levels,
    IReadOnlyList<OptionResponse> Options,
    string? Unit,
    decimal? Min,
    IReadOnlyList<string> References)
{
    public static QuestionResponse From(Question question) => new(
        question.Key,
        question.Title,
        question.Text,
        question.Help,
        TypeName(question.Type),
        question.Scored,
        question.Required,
        question.Levels,
        [.. question.Options.Select(o => new OptionResponse(o.Key, o.Text))],
        question.Unit,
        question.Min,
        question.References);

    private static string TypeName(QuestionType type) => type switch
    {
        QuestionType.Scale => "scale",
        QuestionType.SingleChoice => "single_choice",
        QuestionType.Number => "number",
        QuestionType.YesNo => "yes_no",
        QuestionType.Text => "text",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

internal sealed record OptionResponse(string Key, string Text);
