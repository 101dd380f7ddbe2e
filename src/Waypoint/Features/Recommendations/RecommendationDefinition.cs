using System.Collections.Immutable;
using System.Globalization;
using Waypoint.Data.Recommendations;
using Waypoint.Features.Assessments.Scoring;

namespace Waypoint.Features.Recommendations;

/// <summary>An answer rule: the recommendation applies when <see cref="QuestionKey"/> is answered with one of
/// <see cref="Levels"/> (1 to 5). "Don't know" and "not applicable" never match.</summary>
internal sealed record AnswerRule(string QuestionKey, ImmutableArray<int> Levels)
{
    public bool Matches(ScaleAnswer answer) => answer.IsLevel && Levels.Contains(answer.Level);

    public override string ToString() =>
        QuestionKey + ":" + string.Join(",", Levels.Select(l => l.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>A recommendation as the matcher and the pages use it, read from a database row or the library file.</summary>
internal sealed record RecommendationDefinition(
    string Key,
    RecommendationLevel Level,
    string TopicKey,
    ImmutableArray<MaturityLevel> Bands,
    ImmutableArray<AnswerRule> Answers,
    ImmutableArray<string> CatalogueKeys,
    RecommendationHorizon Horizon,
    bool InvolvesProcurement,
    string Title,
    string Text)
{
    public static RecommendationDefinition From(Recommendation row) => new(
        row.Key, row.Level, row.TopicKey,
        RecommendationFormat.ParseBands(row.Bands),
        RecommendationFormat.ParseRules(row.AnswerRules),
        RecommendationFormat.ParseList(row.CatalogueKeys),
        row.Horizon, row.InvolvesProcurement, row.Title, row.Text);
}

/// <summary>How bands, rules and key lists are written in a database row, and in the editor's form.</summary>
internal static class RecommendationFormat
{
    public static string BandName(MaturityLevel band) => band.ToString().ToLowerInvariant();

    public static bool TryParseBand(string text, out MaturityLevel band)
    {
        foreach (var level in Enum.GetValues<MaturityLevel>())
        {
            if (string.Equals(BandName(level), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                band = level;
                return true;
            }
        }
        band = default;
        return false;
    }

    public static string FormatBands(IEnumerable<MaturityLevel> bands) => string.Join(",", bands.Order().Select(BandName));

    public static ImmutableArray<MaturityLevel> ParseBands(string text) =>
        [.. ParseList(text).Select(b => TryParseBand(b, out var band) ? band : (MaturityLevel?)null).OfType<MaturityLevel>().Distinct().Order()];

    public static string FormatRules(IEnumerable<AnswerRule> rules) => string.Join(";", rules.Select(r => r.ToString()));

    /// <summary>Reads <c>question.key:1,2;other.key:1</c>; parts that do not read are skipped (rows are validated when written).</summary>
    public static ImmutableArray<AnswerRule> ParseRules(string text)
    {
        var rules = ImmutableArray.CreateBuilder<AnswerRule>();
        foreach (var part in text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParseRule(part, out var rule, out _)) rules.Add(rule!);
        }
        return rules.ToImmutable();
    }

    /// <summary>Reads one rule, <c>question.key: 1, 2</c>; on failure, what is wrong (in English, for the caller to word).</summary>
    public static bool TryParseRule(string text, out AnswerRule? rule, out bool badLevels)
    {
        rule = null;
        badLevels = false;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        var key = text[..colon].Trim();
        var levels = new List<int>();
        foreach (var item in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                || level < ScaleAnswer.LowestLevel || level > ScaleAnswer.HighestLevel)
            {
                badLevels = true;
                return false;
            }
            levels.Add(level);
        }
        if (key.Length == 0 || levels.Count == 0)
        {
            badLevels = levels.Count == 0;
            return false;
        }
        rule = new AnswerRule(key, [.. levels.Distinct().Order()]);
        return true;
    }

    public static ImmutableArray<string> ParseList(string text) =>
        [.. text.Split([',', ' ', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    public static string HorizonName(RecommendationHorizon horizon) => horizon switch
    {
        RecommendationHorizon.QuickWin => "quick_win",
        RecommendationHorizon.OneYear => "one_year",
        _ => "three_years",
    };

    public static bool TryParseHorizon(string? text, out RecommendationHorizon horizon)
    {
        foreach (var value in Enum.GetValues<RecommendationHorizon>())
        {
            if (HorizonName(value) == text?.Trim())
            {
                horizon = value;
                return true;
            }
        }
        horizon = default;
        return false;
    }

    public static bool TryParseLevel(string? text, out RecommendationLevel level) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out level) && Enum.IsDefined(level);
}
