using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Assessments;

/// <summary>
/// An assessment's answers and scores as files a person keeps or reworks in a spreadsheet. Both state the
/// questionnaire version, so that the scores can be recomputed from the answers with the method of docs/scoring.md.
/// </summary>
internal static class AssessmentExport
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string FileName(AssessmentDto assessment, string extension) =>
        $"waypoint-assessment-{assessment.Round}-{assessment.Id:N}.{extension}";

    /// <summary>One table in UTF-8 with a byte order mark (so that spreadsheets read accents right): a row per question
    /// (kind <c>answer</c>, unanswered ones included), then a row per topic score and one for the overall score. Text
    /// that a spreadsheet would run as a formula (a note starting with "=") is escaped.</summary>
    public static byte[] Csv(AssessmentDto assessment, Questionnaire questionnaire, ResultsDto results)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteHeader("kind", "section", "key", "title", "answer", "answer_text", "note", "evidence_url", "score", "level",
                "answered", "scored_questions", "questionnaire_version");
            foreach (var section in questionnaire.Sections)
            {
                foreach (var question in section.Questions)
                {
                    var answer = assessment.FindAnswer(question.Key);
                    csv.WriteRecord(["answer", section.Key, question.Key, question.Title, AnswerCode(answer), AnswerText(question, answer),
                        answer?.Note, answer?.EvidenceUrl, null, null, null, null, questionnaire.Version]);
                }
            }
            foreach (var topic in results.Topics)
            {
                csv.WriteRecord(["topic_score", topic.Key, topic.Key, topic.Title, null, null, null, null, Number(topic.Score), topic.Level?.ToString(),
                    Count(topic.Answered), Count(topic.ScoredQuestions), results.QuestionnaireVersion]);
            }
            csv.WriteRecord(["overall_score", null, "overall", "Overall", null, null, null, null, Number(results.Overall.Score),
                results.Overall.Level?.ToString(), Count(results.Overall.TopicsCovered), Count(results.Overall.TopicCount), results.QuestionnaireVersion]);
        }
        return stream.ToArray();
    }

    public static byte[] JsonDocument(AssessmentDto assessment, Questionnaire questionnaire, ResultsDto results)
    {
        var document = new
        {
            assessment = new
            {
                assessment.Id,
                assessment.OrganisationId,
                assessment.OrganisationName,
                assessment.Round,
                assessment.QuestionnaireVersion,
                assessment.Status,
                assessment.SubmittedAt,
                SubmittedBy = assessment.SubmittedBy?.DisplayName,
            },
            answers = questionnaire.Sections.SelectMany(section => section.Questions.Select(question =>
            {
                var answer = assessment.FindAnswer(question.Key);
                return new
                {
                    Section = section.Key,
                    question.Key,
                    question.Title,
                    Answer = AnswerCode(answer),
                    AnswerText = AnswerText(question, answer),
                    answer?.Note,
                    answer?.EvidenceUrl,
                };
            })),
            goodPractices = assessment.GoodPractices.Select(g => new { Topic = g.TopicKey, g.SolutionName, g.Url, g.Achievement }),
            scores = results,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    /// <summary>As docs/scoring.md reads exported answers: 1 to 5, dont_know, not_applicable, a profile value, or empty.</summary>
    public static string? AnswerCode(AnswerDto? answer) => answer?.Choice switch
    {
        null => null,
        AnswerRules.LevelChoice => answer.Level?.ToString(CultureInfo.InvariantCulture),
        AnswerRules.ValueChoice => answer.Value,
        var choice => choice,
    };

    /// <summary>The words of the answer: the level's description, the option's text, or the value itself.</summary>
    public static string? AnswerText(Question question, AnswerDto? answer)
    {
        if (answer is null) return null;
        return answer.Choice switch
        {
            AnswerRules.LevelChoice when answer.Level is { } level && level >= 1 && level <= question.Levels.Length => question.Levels[level - 1],
            AnswerRules.DontKnow => "Don't know",
            AnswerRules.NotApplicable => "Not applicable",
            AnswerRules.ValueChoice when question.Type == QuestionType.SingleChoice => question.Options.FirstOrDefault(o => o.Key == answer.Value)?.Text ?? answer.Value,
            _ => answer.Value,
        };
    }

    private static string? Number(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
