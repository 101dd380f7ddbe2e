namespace Waypoint.Features.Questionnaires;

/// <summary>
/// Questionnaire content that cannot be used. The message lists every problem found, each naming the file, the line
/// and the section or question key, so that a content editor can fix them all in one go.
/// </summary>
internal sealed class QuestionnaireContentException(IReadOnlyList<string> errors)
    : Exception("The questionnaire content is invalid. Fix the following and start again:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
