using Waypoint.Data.Recommendations;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Recommendations;

namespace Waypoint.Tests.Recommendations;

/// <summary>The library shipped in content/recommendations, and the reading of library files.</summary>
public sealed class RecommendationLibraryTests
{
    internal static readonly string ShippedDirectory = Path.Combine(AppContext.BaseDirectory, "Content", "recommendations");

    internal static readonly RecommendationLibrary Shipped = RecommendationLibrary.Load(ShippedDirectory, RecommendationMatcherTests.Questionnaire);

    [Fact]
    public void The_shipped_library_covers_every_topic_at_every_band_for_local_authorities()
    {
        var missing = RecommendationMatcherTests.Questionnaire.Topics
            .SelectMany(t => Enum.GetValues<MaturityLevel>().Select(b => (Topic: t.Key, Band: b)))
            .Where(x => !Shipped.Entries.Any(e => e.Level == RecommendationLevel.Local && e.TopicKey == x.Topic && e.Bands.Contains(x.Band)))
            .ToList();

        Assert.True(missing.Count == 0, "No local recommendation for: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData(RecommendationLevel.Regional)]
    [InlineData(RecommendationLevel.National)]
    public void The_shipped_library_has_policy_recommendations_for_every_topic(RecommendationLevel level)
    {
        var topics = Shipped.Entries.Where(e => e.Level == level).Select(e => e.TopicKey).ToHashSet();

        Assert.All(RecommendationMatcherTests.Questionnaire.Topics, t => Assert.Contains(t.Key, topics));
    }

    [Fact]
    public void Every_shipped_recommendation_links_catalogue_entries_and_is_two_to_four_sentences()
    {
        Assert.All(Shipped.Entries, e =>
        {
            Assert.NotEmpty(e.CatalogueKeys);
            var sentences = e.Text.Split(". ").Length;
            Assert.InRange(sentences, 2, 4);
        });
    }

    [Fact]
    public void A_library_entry_with_an_unknown_question_an_unknown_catalogue_key_or_markup_is_refused_with_each_problem_named()
    {
        const string yaml = """
            recommendations:
              - key: bad-entry
                level: local
                topic: data_management
                answers:
                  - question: data_management.no_such_question
                    levels: [1]
                catalogue: [no-such-entry]
                horizon: quick_win
                title: "<script>alert(1)</script>"
                text: "A text that is long enough to be read as one."
            """;
        var errors = new List<string>();

        var entries = RecommendationLibrary.Read(yaml, RecommendationMatcherTests.Questionnaire, errors);

        Assert.Empty(entries);
        Assert.Contains(errors, e => e.Contains("data_management.no_such_question", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("no-such-entry", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("title", StringComparison.Ordinal) && e.Contains("markup", StringComparison.Ordinal));
    }

    [Fact]
    public void A_translation_replaces_title_and_text_and_English_fills_what_is_missing()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(ShippedDirectory, "library.yaml"), Path.Combine(folder.Path, "library.yaml"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "translations"));
        File.WriteAllText(Path.Combine(folder.Path, "translations", "de.yaml"), """
            language: de
            recommendations:
              local-data-inventory:
                title: "Einen Datenkatalog aufbauen"
            """);

        var library = RecommendationLibrary.Load(folder.Path, RecommendationMatcherTests.Questionnaire);

        var (title, text) = library.Localize("local-data-inventory", "de", "English title", "English text");
        Assert.Equal("Einen Datenkatalog aufbauen", title);
        Assert.Equal("English text", text);
        Assert.Equal(("English title", "English text"), library.Localize("local-data-inventory", "fr", "English title", "English text"));
    }

    internal sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "waypoint-recommendations-" + Guid.NewGuid().ToString("N"));

        public TempFolder() => Directory.CreateDirectory(Path);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

/// <summary>The translations of the library shipped with the application: every official language, complete.
/// Fails until translators fill content/recommendations/translations.</summary>
public sealed class ShippedRecommendation_TranslationTests
{
    public static TheoryData<string> Languages { get; } =
        new(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "ReferenceData", "eu-languages.csv")).Skip(1)
            .Select(line => line.Split(',')[0]).Where(code => code != "en"));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_recommendation_has_a_translated_title_and_text(string language)
    {
        var library = RecommendationLibraryTests.Shipped;
        var untranslated = library.Entries
            .Where(e => library.TranslationOf(e.Key, language) is not { Title: { Length: > 0 }, Text: { Length: > 0 } })
            .Select(e => e.Key)
            .ToList();

        Assert.True(untranslated.Count == 0, $"{language}: not translated: {string.Join(", ", untranslated)}");
    }
}
