using System.Globalization;
using Microsoft.Extensions.Localization;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Assessments;

/// <summary>An answer as a person reads it on a page, in the reader's language and number format: "Don't know" in
/// German reads "Weiß nicht", 12500.5 reads "12.500,5". Exports keep <see cref="AssessmentExport.AnswerText"/>, which
/// writes stored values as they are.</summary>
internal static class AnswerLabels
{
    public static string? Text(Question question, AnswerDto? answer, IStringLocalizer l)
    {
        if (answer is null) return null;
        return answer.Choice switch
        {
            AnswerRules.DontKnow => l["Don't know"],
            AnswerRules.NotApplicable => l["Not applicable"],
            AnswerRules.ValueChoice when question.Type == QuestionType.Number => Number(answer.Value),
            AnswerRules.ValueChoice when question.Type == QuestionType.YesNo => answer.Value switch
            {
                AnswerRules.Yes => l["Yes"],
                AnswerRules.No => l["No"],
                var other => other,
            },
            _ => AssessmentExport.AnswerText(question, answer),
        };
    }

    /// <summary>A stored number (invariant, such as "12500.5") in the current culture, with its group separators.</summary>
    public static string? Number(string? stored) =>
        decimal.TryParse(stored, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("#,0.##########", CultureInfo.CurrentCulture)
            : stored;
}
