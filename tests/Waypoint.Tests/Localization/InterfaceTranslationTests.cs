using System.Text.RegularExpressions;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Tests.Localization;

/// <summary>
/// Every interface string is translated into every official language, with its placeholders intact. The template
/// (waypoint.pot) is made from the code by scripts/update-translations.py; the translations are the PO files beside it.
/// </summary>
public sealed partial class InterfaceTranslationTests
{
    private static readonly string TranslationsDirectory = Path.Combine(AppContext.BaseDirectory, "Localization", "Translations");

    /// <summary>Texts that are the same in every language: names and abbreviations.</summary>
    private static readonly HashSet<string> SameInEveryLanguage = new(StringComparer.Ordinal)
    {
        "Waypoint", "Living-in.EU", "API", "CSV", "JSON", "NUTS", "LAU", "Eurostat", "OK", "{0} km²",
    };

    /// <summary>The flag a translator puts on an entry whose translation is rightly the English text ("Start" in German).</summary>
    private const string SameAsEnglishFlag = "#, same-as-english";

    public static TheoryData<string> Languages { get; } =
        new(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "ReferenceData", "eu-languages.csv")).Skip(1)
            .Select(line => line.Split(',')[0]).Where(code => code != "en"));

    private static IReadOnlyList<PoFile.Entry> Read(string fileName)
    {
        using var reader = File.OpenText(Path.Combine(TranslationsDirectory, fileName));
        return PoFile.Parse(reader);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_interface_string_is_translated_with_its_placeholders(string language)
    {
        var translations = Read(language + ".po").ToDictionary(e => PoFile.Key(e.Context, e.Id));
        var problems = new List<string>();
        foreach (var source in Read("waypoint.pot"))
        {
            var key = PoFile.Key(source.Context, source.Id);
            if (!translations.TryGetValue(key, out var entry) || entry.Text.Length == 0)
            {
                problems.Add($"missing: \"{source.Id}\"");
                continue;
            }
            if (!Placeholders(source.Id).SetEquals(Placeholders(entry.Text)))
                problems.Add($"placeholders differ: \"{source.Id}\" → \"{entry.Text}\"");
            if (entry.Text == source.Id && !SameInEveryLanguage.Contains(source.Id) && !entry.Comments.Contains(SameAsEnglishFlag))
                problems.Add($"left in English: \"{source.Id}\"");
        }

        Assert.True(problems.Count == 0, $"{language}.po, {problems.Count} problem(s):\n" + string.Join("\n", problems.Take(40)));
    }

    [Fact]
    public void The_template_holds_every_string_the_code_gives_to_the_localizer()
    {
        var template = Read("waypoint.pot").Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var source = Path.Combine(RepositoryRoot(), "src", "Waypoint");
        var used = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => LocalizerCall().Matches(File.ReadAllText(path)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);

        var missing = used.Except(template).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Run scripts/update-translations.py; not in waypoint.pot:\n" + string.Join("\n", missing.Take(20)));
    }

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Waypoint.slnx"))) return directory.FullName;
        }
        throw new InvalidOperationException("The tests run outside the repository.");
    }

    [GeneratedRegex(@"\{\d+(?:[:,][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\b(?:L|l|localizer|_localizer)\[\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerCall();
}
