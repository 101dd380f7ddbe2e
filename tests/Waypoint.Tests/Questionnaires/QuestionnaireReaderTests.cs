using Waypoint.Features.Questionnaires;

namespace Waypoint.Tests.Questionnaires;

public sealed class QuestionnaireReaderTests
{
    [Fact]
    public void A_valid_file_is_read_into_the_questionnaire_model()
    {
        var questionnaire = TestQuestionnaires.Valid;

        Assert.Equal("1.0", questionnaire.Version);
        Assert.Equal(QuestionnaireStatus.Published, questionnaire.Status);
        Assert.Equal(new DateOnly(2026, 11, 25), questionnaire.PublishedOn);
        Assert.Equal("Test questionnaire", questionnaire.Title);
        Assert.Equal("A short questionnaire used by the tests.", questionnaire.Introduction);
        Assert.Equal(8, questionnaire.Sections.Length);
        Assert.Equal(SectionKind.Profile, questionnaire.Sections[0].Kind);
        Assert.Equal(Questionnaire.TopicKeys, questionnaire.Topics.Select(t => t.Key));
        Assert.Equal([4, 3, 2, 2, 2, 2, 2], questionnaire.Topics.Select(t => t.ScoredQuestions.Length));
    }

    [Fact]
    public void Questions_keep_every_field_of_their_type()
    {
        var questionnaire = TestQuestionnaires.Valid;

        var scale = questionnaire.FindQuestion("service_design.user_research")!;
        Assert.Equal(QuestionType.Scale, scale.Type);
        Assert.True(scale.Scored);
        Assert.True(scale.Required);
        Assert.Equal("service_design", scale.SectionKey);
        Assert.Equal(5, scale.Levels.Length);
        Assert.Equal("Nothing is done yet.", scale.Levels[0]);
        Assert.Equal(["lordi", "edma"], scale.References.AsEnumerable());

        var number = questionnaire.FindQuestion("general.population_served")!;
        Assert.Equal(QuestionType.Number, number.Type);
        Assert.False(number.Scored);
        Assert.Equal("residents", number.Unit);
        Assert.Equal(0m, number.Min);
        Assert.Equal("The latest official figure.", number.Help);
        Assert.Empty(number.Levels);

        var choice = questionnaire.FindQuestion("general.budget_band")!;
        Assert.Equal(QuestionType.SingleChoice, choice.Type);
        Assert.Equal(["under_100k", "from_100k"], choice.Options.Select(o => o.Key));

        Assert.Equal(QuestionType.YesNo, questionnaire.FindQuestion("general.has_cdo")!.Type);
        Assert.False(questionnaire.FindQuestion("general.has_cdo")!.Required);
        Assert.Equal(QuestionType.Text, questionnaire.FindQuestion("general.notes")!.Type);
        Assert.Null(questionnaire.FindQuestion("general.unknown"));
        Assert.Equal("Governance", questionnaire.FindSection("governance")!.Title);
    }

    [Theory]
    [InlineData("        unit: \"residents\"\n", "        unit: \"residents\"\n        maximum: 100000\n",
        "question 'general.population_served' has an unknown field 'maximum'; the fields allowed here are key, title, text, help, type, required, levels, options, unit, min, references.")]
    [InlineData("title: \"Test questionnaire\"\n", "title: \"Test questionnaire\"\nauthor: \"Someone\"\n",
        "the questionnaire has an unknown field 'author'")]
    [InlineData("          - \"It is done everywhere, measured, and improved with others.\"\n        references: [lordi, edma]",
        "        references: [lordi, edma]",
        "question 'service_design.user_research' has 4 levels; a scale question needs exactly 5 (level 1 lowest to level 5 highest).")]
    [InlineData("          - \"Nothing is done yet.\"", "          - \"  \"",
        "question 'service_design.user_research': level 1 is empty; describe what the authority does at that level.")]
    [InlineData("key: service_design.co_design", "key: service_design.user_research",
        "question key 'service_design.user_research' is used twice (lines 47 and 59).")]
    [InlineData("key: governance.budget", "key: technology.budget",
        "question 'technology.budget' is in section 'governance', so its key must start with 'governance.'.")]
    [InlineData("key: governance.budget", "key: governance.Budget",
        "question 'governance.Budget': the part after 'governance.' must be snake_case")]
    [InlineData("        options:\n          - key: under_100k\n            text: \"Under 100,000 euros\"\n          - key: from_100k\n            text: \"100,000 euros or more\"\n", "",
        "question 'general.budget_band' has 0 options; a single_choice question needs 2 to 8.")]
    [InlineData("          - key: from_100k", "          - key: under_100k",
        "question 'general.budget_band': option key 'under_100k' is used twice.")]
    [InlineData("type: yes_no", "type: boolean",
        "question 'general.has_cdo' has type 'boolean'; use scale, single_choice, number, yes_no or text.")]
    [InlineData("version: \"1.0\"", "version: \"one\"",
        "version 'one' must be numbers separated by dots, such as \"1.0\".")]
    [InlineData("status: published", "status: live",
        "status 'live' is not allowed; use 'draft' or 'published'.")]
    [InlineData("publishedOn: 2026-11-25\n", "",
        "a published questionnaire needs 'publishedOn' (YYYY-MM-DD).")]
    [InlineData("publishedOn: 2026-11-25", "publishedOn: 25/11/2026",
        "publishedOn '25/11/2026' is not a date; write it as YYYY-MM-DD, such as 2026-11-25.")]
    [InlineData("        required: true\n        levels:", "        required: false\n        levels:",
        "question 'service_design.user_research' is in a topic section and must have 'required: true'")]
    [InlineData("        text: \"How does your authority learn what people need from a digital service?\"\n", "",
        "question 'service_design.user_research' has no 'text'.")]
    [InlineData("        unit: \"residents\"\n", "        unit: [\"residents\"]\n",
        "question 'general.population_served': 'unit' must be a single value, not a list or a mapping.")]
    [InlineData("        required: false\n      - key: general.notes", "        required: maybe\n      - key: general.notes",
        "question 'general.has_cdo': 'required' is 'maybe'; write true or false.")]
    public void An_invalid_file_is_rejected_with_a_message_naming_the_file_line_and_key(string find, string replace, string expected)
    {
        var errors = new List<string>();

        var questionnaire = QuestionnaireReader.Read("1.0.yaml", new StringReader(TestQuestionnaires.Mutate(find, replace)), errors);

        Assert.Null(questionnaire);
        var error = Assert.Single(errors);
        Assert.StartsWith("1.0.yaml, line ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scale_question_in_the_profile_section_is_rejected()
    {
        var errors = new List<string>();
        var text = TestQuestionnaires.Mutate("        type: yes_no\n",
            "        type: scale\n        levels: [\"a\", \"b\", \"c\", \"d\", \"e\"]\n");

        QuestionnaireReader.Read("1.0.yaml", new StringReader(text), errors);

        var error = Assert.Single(errors);
        Assert.Contains("question 'general.has_cdo' is in a profile section, which is not scored", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_question_that_is_not_a_scale_is_rejected()
    {
        var errors = new List<string>();
        var text = TestQuestionnaires.Mutate("        type: scale\n", "        type: yes_no\n");

        QuestionnaireReader.Read("1.0.yaml", new StringReader(text), errors);

        Assert.Contains(errors, e => e.Contains("question 'service_design.user_research' is in a topic section, so its type must be 'scale' (not 'yes_no').", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("question 'service_design.user_research' is not a scale question, so it cannot have 'levels'.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_section_of_an_unknown_kind_is_rejected()
    {
        var errors = new List<string>();
        var text = TestQuestionnaires.Mutate("  - key: governance\n    kind: topic", "  - key: governance\n    kind: chapter");

        QuestionnaireReader.Read("1.0.yaml", new StringReader(text), errors);

        Assert.Equal("1.0.yaml, line 93: section 'governance' has kind 'chapter'; use 'profile' or 'topic'.", errors[0]);
        Assert.Contains("the topic 'governance' is missing", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_given_twice_is_rejected()
    {
        var errors = new List<string>();
        var text = TestQuestionnaires.Mutate("title: \"Test questionnaire\"\n", "title: \"Test questionnaire\"\ntitle: \"Again\"\n");

        QuestionnaireReader.Read("1.0.yaml", new StringReader(text), errors);

        var error = Assert.Single(errors);
        Assert.StartsWith("1.0.yaml, line 6", error, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_rejected_with_its_line()
    {
        var exception = Assert.Throws<QuestionnaireContentException>(() =>
            QuestionnaireReader.ReadFile(Path.Combine(TestQuestionnaires.InvalidDirectory("not-yaml"), "1.0.yaml")));

        var error = Assert.Single(exception.Errors);
        Assert.StartsWith("1.0.yaml, line ", error, StringComparison.Ordinal);
        Assert.Contains("this is not valid YAML", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_topics_and_topics_out_of_order_are_rejected()
    {
        var exception = Assert.Throws<QuestionnaireContentException>(() =>
            QuestionnaireReader.ReadFile(Path.Combine(TestQuestionnaires.InvalidDirectory("missing-topics"), "1.0.yaml")));

        Assert.Contains(exception.Errors, e => e.EndsWith(
            "the topic 'networking' is missing; every questionnaire has the seven topics service_design, governance, data_management, interoperability, technology, service_delivery, networking.",
            StringComparison.Ordinal));
        Assert.Equal(5, exception.Errors.Count(e => e.Contains("is missing", StringComparison.Ordinal)));
        Assert.Contains(exception.Errors, e => e.Contains("the topics must come in this order", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_must_be_named_after_its_version()
    {
        var exception = Assert.Throws<QuestionnaireContentException>(() =>
            QuestionnaireReader.ReadFile(Path.Combine(TestQuestionnaires.InvalidDirectory("wrong-file-name"), "1.0.yaml")));

        Assert.Contains(exception.Errors, e => e.Contains(
            "the version is '1.2' but the file is named '1.0.yaml'; name the file '1.2.yaml'.", StringComparison.Ordinal));
    }
}
