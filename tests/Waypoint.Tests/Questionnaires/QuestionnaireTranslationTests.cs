using System.Net.Http.Json;
using System.Text.Json;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Questionnaires.Translations;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Questionnaires;

/// <summary>The translations of the questionnaire shipped with the application: every official language, complete.</summary>
public sealed class ShippedQuestionnaireTranslationTests
{
    /// <summary>The 23 official EU languages besides English, the source.</summary>
    public static TheoryData<string> Languages { get; } =
        new(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "ReferenceData", "eu-languages.csv")).Skip(1)
            .Select(line => line.Split(',')[0]).Where(code => code != "en"));

    /// <summary>Texts that are the same in every language: names of standards, movements and the like.</summary>
    private static readonly HashSet<string> SameInEveryLanguage = new(StringComparer.Ordinal) { "Living-in.EU", "MIMs Plus", "API", "NGSI-LD", "FTE" };

    private static readonly QuestionnaireCatalog Catalog =
        QuestionnaireCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Content", "questionnaire"));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_of_the_current_questionnaire_is_translated(string language)
    {
        var source = Catalog.Current!;
        Assert.Contains(language, Catalog.TranslationsOf(source.Version));
        var translated = Catalog.Localize(source, language);

        var untranslated = Texts(source).Zip(Texts(translated))
            .Where(pair => pair.First.Text == pair.Second.Text && !SameInEveryLanguage.Contains(pair.First.Text))
            .Select(pair => pair.First.Where)
            .ToList();

        Assert.True(untranslated.Count == 0, $"{language}: still in English: {string.Join(", ", untranslated)}");
    }

    private static IEnumerable<(string Where, string Text)> Texts(Questionnaire q)
    {
        yield return ("title", q.Title);
        yield return ("introduction", q.Introduction);
        foreach (var section in q.Sections)
        {
            yield return (section.Key + ".title", section.Title);
            yield return (section.Key + ".description", section.Description);
            foreach (var question in section.Questions)
            {
                yield return (question.Key + ".title", question.Title);
                yield return (question.Key + ".text", question.Text);
                if (question.Help is not null) yield return (question.Key + ".help", question.Help);
                if (question.Unit is not null) yield return (question.Key + ".unit", question.Unit);
                for (var i = 0; i < question.Levels.Length; i++) yield return ($"{question.Key}.levels[{i}]", question.Levels[i]);
                foreach (var option in question.Options) yield return ($"{question.Key}.options.{option.Key}", option.Text);
            }
        }
    }
}

public sealed class QuestionnaireTranslatorTests
{
    private static QuestionnaireTranslation Read(string yaml, List<string> errors) =>
        QuestionnaireTranslation.Read("de.yaml", new StringReader(yaml), errors)!;

    [Fact]
    public void A_translated_text_replaces_the_source_and_a_missing_one_falls_back_to_english()
    {
        var source = TestQuestionnaires.Valid;
        var question = source.Topics[0].Questions[0];
        var errors = new List<string>();
        var translation = Read($"""
            language: de
            version: "1.0"
            title: "Selbstbewertung"
            questions:
              {question.Key}:
                title: "Nutzerforschung"
            """, errors);

        var translated = QuestionnaireTranslator.Apply(source, translation, "de.yaml", errors);

        Assert.Empty(errors);
        Assert.Equal("Selbstbewertung", translated.Title);
        Assert.Equal("Nutzerforschung", translated.FindQuestion(question.Key)!.Title);
        Assert.Equal(question.Text, translated.FindQuestion(question.Key)!.Text);
        Assert.Equal(source.Introduction, translated.Introduction);
        Assert.Equal(source.QuestionsByKey.Keys.Order(), translated.QuestionsByKey.Keys.Order());
    }

    [Fact]
    public void A_question_the_source_does_not_have_is_a_content_error()
    {
        var errors = new List<string>();
        var translation = Read("""
            language: de
            version: "1.0"
            questions:
              service_design.no_such_question:
                title: "X"
            """, errors);

        QuestionnaireTranslator.Apply(TestQuestionnaires.Valid, translation, "de.yaml", errors);

        Assert.Equal("de.yaml: question 'service_design.no_such_question' is not in questionnaire 1.0.", Assert.Single(errors));
    }

    [Fact]
    public void Levels_must_be_as_many_as_in_the_source()
    {
        var question = TestQuestionnaires.Valid.Topics[0].Questions[0];
        var errors = new List<string>();
        var translation = Read($"""
            language: de
            version: "1.0"
            questions:
              {question.Key}:
                levels: ["eins", "zwei", "drei", "vier"]
            """, errors);

        var translated = QuestionnaireTranslator.Apply(TestQuestionnaires.Valid, translation, "de.yaml", errors);

        Assert.Contains($"question '{question.Key}' must have 5 non-empty levels", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Equal(question.Levels, translated.FindQuestion(question.Key)!.Levels);
    }

    [Fact]
    public void A_misspelt_field_is_reported_with_its_line()
    {
        var errors = new List<string>();
        var translation = QuestionnaireTranslation.Read("de.yaml", new StringReader("language: de\nversion: \"1.0\"\ntitel: \"X\"\n"), errors);

        Assert.Null(translation);
        Assert.StartsWith("de.yaml, line 3", Assert.Single(errors), StringComparison.Ordinal);
    }
}

public sealed class QuestionnaireLanguageApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Theory]
    [InlineData("?lang=de", null)]
    [InlineData("", "de-AT,de;q=0.9,en;q=0.5")]
    public async Task The_questionnaire_api_answers_in_the_language_asked_for(string query, string? acceptLanguage)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/questionnaires/current" + query);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var body = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        var catalog = QuestionnaireCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Content", "questionnaire"));
        var german = catalog.Localize(catalog.Current!, "de");
        Assert.Equal(german.Title, body.GetProperty("title").GetString());
        Assert.NotEqual(catalog.Current!.Title, german.Title);
    }
}
