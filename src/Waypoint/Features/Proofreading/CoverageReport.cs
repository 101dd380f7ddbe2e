using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Proofreading;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Questionnaires.Translations;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>
/// How much of the interface and of the current questionnaire each official language has: texts in total, translated,
/// flagged as rightly the same as English, confirmed by an editor, and suggestions waiting.
/// </summary>
internal sealed class CoverageReport(
    WaypointDbContext db,
    TranslationCatalog catalog,
    QuestionnaireCatalog questionnaires,
    Languages languages)
{
    /// <summary>The questionnaire version the report counts: the current one.</summary>
    public string? QuestionnaireVersion => questionnaires.Current?.Version;

    public async Task<IReadOnlyList<LanguageCoverage>> BuildAsync(CancellationToken cancellationToken)
    {
        var reviews = await db.TranslationReviews.AsNoTracking().Select(r => new { r.Language, r.Key, r.ReviewedText }).ToListAsync(cancellationToken);
        var reviewsByLanguage = reviews.ToLookup(r => r.Language, StringComparer.OrdinalIgnoreCase);
        var current = questionnaires.Current;
        // The questionnaire's column counts the current version's texts, so its pending count does too.
        var currentPrefix = current is null ? null : QuestionnaireTexts.Prefix + current.Version + ":";
        var pendingRows = await db.WordingSuggestions.AsNoTracking().Where(s => s.Status == SuggestionStatus.Pending)
            .GroupBy(s => new
            {
                s.Language,
                Questionnaire = s.Key.StartsWith(QuestionnaireTexts.Prefix),
                Current = currentPrefix != null && s.Key.StartsWith(currentPrefix),
            })
            .Select(g => new { g.Key.Language, g.Key.Questionnaire, g.Key.Current, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Pending(string language, bool questionnaire) =>
            pendingRows.Where(p => string.Equals(p.Language, language, StringComparison.OrdinalIgnoreCase)
                    && p.Questionnaire == questionnaire && (!questionnaire || p.Current))
                .Sum(p => p.Count);

        var keys = catalog.TemplateKeys;
        var questionnaireTotal = current is null ? 0 : QuestionnaireTexts.Of(current, null).Count();
        var result = new List<LanguageCoverage>();
        foreach (var language in languages.All)
        {
            if (language.Code == Languages.Default)
            {
                result.Add(new LanguageCoverage(language.Code, language.EnglishName, language.NativeName, IsSource: true,
                    new CoverageCounts(keys.Count, keys.Count, 0, null, null),
                    new CoverageCounts(questionnaireTotal, questionnaireTotal, 0, null, null)));
                continue;
            }
            var translated = keys.Count(k => catalog.Find(language.Code, k) is not null);
            var sameAsEnglish = catalog.SameAsEnglishOf(language.Code);
            var reviewed = reviewsByLanguage[language.Code].ToLookup(r => r.Key, r => r.ReviewedText, StringComparer.Ordinal);
            var proofread = reviewsByLanguage[language.Code]
                .Count(r => catalog.IsInterfaceString(r.Key) && catalog.Find(language.Code, r.Key) == r.ReviewedText);
            result.Add(new LanguageCoverage(language.Code, language.EnglishName, language.NativeName, IsSource: false,
                new CoverageCounts(keys.Count, translated, keys.Count(sameAsEnglish.Contains), proofread, Pending(language.Code, questionnaire: false)),
                current is null
                    ? new CoverageCounts(0, 0, 0, 0, 0)
                    : QuestionnaireCounts(questionnaires.TextsOf(current, language.Code).ToList(), reviewed, Pending(language.Code, questionnaire: true))));
        }
        return result;
    }

    /// <summary>A questionnaire text is the same as English when its translation is the English text itself: the
    /// translation files have no flag for it, so the text's equality is the flag.</summary>
    private static CoverageCounts QuestionnaireCounts(IReadOnlyList<QuestionnaireText> texts, ILookup<string, string> reviewed, int pending) =>
        new(texts.Count,
            texts.Count(t => t.Translated is not null),
            texts.Count(t => t.Translated is not null && t.Translated == t.Source.Trim()),
            texts.Count(t => t.Translated is not null && reviewed[t.Key].Contains(t.Translated, StringComparer.Ordinal)),
            pending);
}
