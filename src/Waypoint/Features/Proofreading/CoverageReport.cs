using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
    Languages languages,
    QuestionnaireCoverage questionnaire)
{
    public async Task<IReadOnlyList<LanguageCoverage>> BuildAsync(CancellationToken cancellationToken)
    {
        var reviews = await db.TranslationReviews.AsNoTracking().Select(r => new { r.Language, r.Key, r.ReviewedText }).ToListAsync(cancellationToken);
        var reviewsByLanguage = reviews.ToLookup(r => r.Language, StringComparer.OrdinalIgnoreCase);
        var pending = await db.WordingSuggestions.AsNoTracking().Where(s => s.Status == SuggestionStatus.Pending)
            .GroupBy(s => s.Language).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.OrdinalIgnoreCase, cancellationToken);

        var keys = catalog.TemplateKeys;
        var result = new List<LanguageCoverage>();
        foreach (var language in languages.All)
        {
            if (language.Code == Languages.Default)
            {
                result.Add(new LanguageCoverage(language.Code, language.EnglishName, language.NativeName, IsSource: true,
                    new CoverageCounts(keys.Count, keys.Count, 0, null, null),
                    new CoverageCounts(questionnaire.Total, questionnaire.Total, 0, null, null)));
                continue;
            }
            var translated = keys.Count(k => catalog.Find(language.Code, k) is not null);
            var sameAsEnglish = catalog.SameAsEnglishOf(language.Code);
            var proofread = reviewsByLanguage[language.Code]
                .Count(r => catalog.IsInterfaceString(r.Key) && catalog.Find(language.Code, r.Key) == r.ReviewedText);
            result.Add(new LanguageCoverage(language.Code, language.EnglishName, language.NativeName, IsSource: false,
                new CoverageCounts(keys.Count, translated, keys.Count(sameAsEnglish.Contains), proofread, pending.GetValueOrDefault(language.Code)),
                questionnaire.For(language.Code)));
        }
        return result;
    }
}

/// <summary>The questionnaire's translation counts, read once from its translation files (they change only with a
/// release). Proofreading of the questionnaire is not collected yet, so its proofread and pending counts are unknown.</summary>
internal sealed class QuestionnaireCoverage
{
    private readonly FrozenDictionary<string, CoverageCounts> _byLanguage;

    public QuestionnaireCoverage(QuestionnaireCatalog catalog, IOptions<QuestionnaireOptions> options)
    {
        var byLanguage = new Dictionary<string, CoverageCounts>(StringComparer.OrdinalIgnoreCase);
        if (catalog.Current is { } source)
        {
            Version = source.Version;
            Total = Texts(source, null).Count();
            var folder = Path.Combine(options.Value.ResolveDirectory(), "translations", source.Version);
            if (Directory.Exists(folder))
            {
                foreach (var path in Directory.EnumerateFiles(folder, "*.yaml"))
                {
                    using var reader = File.OpenText(path);
                    if (QuestionnaireTranslation.Read(Path.GetFileName(path), reader, []) is not { } translation) continue;
                    var pairs = Texts(source, translation).ToList();
                    var translated = pairs.Count(p => !string.IsNullOrWhiteSpace(p.Translated));
                    var same = pairs.Count(p => !string.IsNullOrWhiteSpace(p.Translated) && p.Translated!.Trim() == p.Source.Trim());
                    byLanguage[Path.GetFileNameWithoutExtension(path)] = new CoverageCounts(Total, translated, same, null, null);
                }
            }
        }
        _byLanguage = byLanguage.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public string? Version { get; }

    public int Total { get; }

    public CoverageCounts For(string language) => _byLanguage.GetValueOrDefault(language) ?? new CoverageCounts(Total, 0, 0, null, null);

    /// <summary>Every translatable text of the source, paired with its translation (null where there is none).</summary>
    private static IEnumerable<(string Source, string? Translated)> Texts(Questionnaire source, QuestionnaireTranslation? translation)
    {
        yield return (source.Title, translation?.Title);
        yield return (source.Introduction, translation?.Introduction);
        foreach (var section in source.Sections)
        {
            var text = translation?.Sections.GetValueOrDefault(section.Key);
            yield return (section.Title, text?.Title);
            yield return (section.Description, text?.Description);
            foreach (var question in section.Questions)
            {
                var q = translation?.Questions.GetValueOrDefault(question.Key);
                yield return (question.Title, q?.Title);
                yield return (question.Text, q?.Text);
                if (question.Help is not null) yield return (question.Help, q?.Help);
                if (question.Unit is not null) yield return (question.Unit, q?.Unit);
                for (var i = 0; i < question.Levels.Length; i++)
                    yield return (question.Levels[i], q?.Levels is { } levels && i < levels.Count ? levels[i] : null);
                foreach (var option in question.Options)
                    yield return (option.Text, q?.Options?.GetValueOrDefault(option.Key));
            }
        }
    }
}
