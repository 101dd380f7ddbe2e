using Microsoft.Extensions.Localization;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Toolbox;

namespace Waypoint.Tests.Toolbox;

/// <summary>The catalogue shipped in content/toolbox: enough real entries, each complete and well formed.</summary>
public sealed class ToolboxContentTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Content", "toolbox");

    internal static readonly ToolboxVocabulary Vocabulary = new(
        Questionnaire.TopicKeys.ToHashSet(StringComparer.Ordinal),
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "ReferenceData", "eu-languages.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList());

    internal static readonly IReadOnlyList<ToolboxContent> Entries = ToolboxCatalogueFile.Load(Directory, Vocabulary, new EnglishLocalizer());

    /// <summary>Keys other features link to: they must stay.</summary>
    public static TheoryData<string> RequiredKeys { get; } = new(
        "mims-plus", "ngsi-ld", "smart-data-models", "interoperable-europe-act", "european-interoperability-framework", "dcat-ap",
        "open-data-directive", "data-governance-act", "ai-act", "web-accessibility-directive", "local-digital-twins-toolbox",
        "ds4sscc-blueprint", "fiware", "eu-ai-model-clauses", "innovation-procurement-guidance", "urbact-digital-transformation",
        "ai-campus", "elements-of-ai", "digital-skills-and-jobs-platform", "digital-europe-programme", "horizon-europe-cities-mission",
        "european-urban-initiative", "technical-support-instrument", "living-in-eu", "oasc", "enoll", "eurocities",
        "european-digital-identity-wallet", "once-only-technical-system", "interoperable-europe-portal");

    [Fact]
    public void The_catalogue_has_at_least_forty_entries_with_distinct_keys_and_every_type()
    {
        Assert.True(Entries.Count >= 40, $"Only {Entries.Count} entries.");
        Assert.Equal(Entries.Count, Entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enum.GetValues<Waypoint.Data.Toolbox.ToolboxEntryType>().Order(), Entries.Select(e => e.Type).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public void An_entry_other_features_link_to_is_there(string key) => Assert.Contains(Entries, e => e.Key == key);

    [Fact]
    public void Every_entry_links_to_an_absolute_https_address_on_a_named_host()
    {
        Assert.All(Entries, e =>
        {
            Assert.True(Uri.TryCreate(e.Url, UriKind.Absolute, out var uri), $"{e.Key}: '{e.Url}' is not absolute.");
            Assert.Equal(Uri.UriSchemeHttps, uri.Scheme);
            Assert.Contains('.', uri.Host);
            Assert.DoesNotContain("example", uri.Host, StringComparison.OrdinalIgnoreCase);
        });
    }

    /// <summary>Entries whose own site is the instrument (a portal, a course, a programme's own site, a network): their
    /// home page is the instrument's page.</summary>
    private static readonly HashSet<string> SiteIsTheInstrument = new(StringComparer.Ordinal)
    {
        "mims-plus", "smart-data-models", "fiware", "interoperable-europe-portal", "data-europa-eu", "data-spaces-support-centre",
        "public-buyers-community", "ted-tenders", "ai-campus", "elements-of-ai", "digital-skills-and-jobs-platform", "eu-academy",
        "european-urban-initiative", "interreg-europe",
    };

    /// <summary>Entries that still link the home page of the organisation behind them, because the instrument's own page
    /// could not be established: docs/toolbox.md lists them for an editor.</summary>
    private static readonly HashSet<string> HomePageStillLinked = new(StringComparer.Ordinal)
    {
        "technical-support-instrument", "eafip-toolkit",
    };

    [Fact]
    public void Only_networks_and_instruments_that_are_a_site_of_their_own_link_a_home_page()
    {
        var homePages = Entries.Where(e => new Uri(e.Url).AbsolutePath == "/" && e.Type != Waypoint.Data.Toolbox.ToolboxEntryType.Network)
            .Select(e => e.Key)
            .Where(k => !SiteIsTheInstrument.Contains(k))
            .Order(StringComparer.Ordinal);

        Assert.Equal(HomePageStillLinked.Order(StringComparer.Ordinal), homePages);
    }

    [Fact]
    public void Every_entry_has_known_topics_levels_from_one_to_five_languages_and_a_summary_of_a_few_sentences()
    {
        Assert.All(Entries, e =>
        {
            Assert.NotEmpty(e.Topics);
            Assert.All(e.Topics, t => Assert.Contains(t, Questionnaire.TopicKeys));
            Assert.NotEmpty(e.Levels);
            Assert.All(e.Levels, l => Assert.InRange(l, 1, 5));
            Assert.NotEmpty(e.Languages);
            var sentences = e.Summary.Split(". ", StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(sentences is >= 2 and <= 5, $"{e.Key}: {sentences} sentences.");
            Assert.False(string.IsNullOrWhiteSpace(e.Publisher));
        });
    }

    [Fact]
    public void A_broken_catalogue_stops_with_every_problem_named()
    {
        var folder = Path.Combine(Path.GetTempPath(), "waypoint-toolbox-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, ToolboxCatalogueFile.FileName), """
                entries:
                  - key: twice
                    type: standard
                    name: One
                    summary: A summary. Two sentences.
                    url: https://one.eu/
                    publisher: P
                    topics: [governance]
                    levels: [1]
                    languages: [en]
                    cost: free
                  - key: twice
                    type: gadget
                    name: Two
                    summary: A summary. Two sentences.
                    url: not-a-url
                    publisher: P
                    topics: [cooking]
                    levels: [9]
                    languages: [en]
                    cost: free
                """);
            var error = Assert.Throws<ToolboxContentException>(() => ToolboxCatalogueFile.Load(folder, Vocabulary, new EnglishLocalizer()));
            Assert.Contains(error.Problems, p => p.Contains("used twice", StringComparison.Ordinal));
            foreach (var field in new[] { "type", "url", "topics", "levels" })
                Assert.Contains(error.Problems, p => p.Contains($"entry 2 (twice), {field}:", StringComparison.Ordinal));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>English messages without the application: the key is the text.</summary>
    internal sealed class EnglishLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

/// <summary>Names and summaries of the shipped catalogue in every official language. These fail until the translators
/// fill content/toolbox/translations/&lt;lang&gt;.yaml.</summary>
public sealed class ShippedToolboxCatalogue_TranslationTests
{
    public static TheoryData<string> Languages { get; } = new(ToolboxContentTests.Vocabulary.LanguageCodes.Where(l => l != "en"));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_entry_has_a_name_and_a_summary_in_the_language(string language)
    {
        var missing = ToolboxContentTests.Entries
            .Where(e => !e.Translations.TryGetValue(language, out var text) || string.IsNullOrWhiteSpace(text.Summary) || string.IsNullOrWhiteSpace(text.Name))
            .Select(e => e.Key)
            .ToList();
        Assert.True(missing.Count == 0, $"{language}: not translated: {string.Join(", ", missing)}");
    }
}
