using Waypoint.Features.Questionnaires;

namespace Waypoint.Tests.Questionnaires;

public sealed class QuestionnaireCatalogTests
{
    [Fact]
    public void The_current_questionnaire_is_the_published_one_with_the_highest_version()
    {
        using var content = new ContentDirectory()
            .WithVersion("1.0", "published")
            .WithVersion("1.1", "published")
            .WithVersion("1.2", "draft");

        var catalog = QuestionnaireCatalog.Load(content.Path);

        Assert.Equal(["1.0", "1.1", "1.2"], catalog.All.Select(q => q.Version));
        Assert.Equal("1.1", catalog.Current?.Version);
    }

    [Fact]
    public void A_second_published_version_replaces_the_first_as_current_while_the_first_stays_findable()
    {
        using var content = new ContentDirectory().WithVersion("1.0", "published").WithVersion("1.1", "published");

        var catalog = QuestionnaireCatalog.Load(content.Path);

        Assert.Equal("1.1", catalog.Current?.Version);
        Assert.Equal("1.0", catalog.Find("1.0")?.Version);
        Assert.Equal(QuestionnaireStatus.Published, catalog.Find("1.0")?.Status);
        Assert.Null(catalog.Find("2.0"));
    }

    [Fact]
    public void Versions_compare_as_numbers_so_1_10_is_newer_than_1_9()
    {
        using var content = new ContentDirectory().WithVersion("1.9", "published").WithVersion("1.10", "published");

        var catalog = QuestionnaireCatalog.Load(content.Path);

        Assert.Equal("1.10", catalog.Current?.Version);
        Assert.Equal(["1.9", "1.10"], catalog.All.Select(q => q.Version));
    }

    [Fact]
    public void A_folder_with_only_drafts_has_no_current_questionnaire()
    {
        using var content = new ContentDirectory().WithVersion("1.0", "draft");

        var catalog = QuestionnaireCatalog.Load(content.Path);

        Assert.Null(catalog.Current);
        Assert.Equal(QuestionnaireStatus.Draft, catalog.Find("1.0")?.Status);
    }

    [Fact]
    public void A_missing_folder_gives_an_empty_catalog()
    {
        var catalog = QuestionnaireCatalog.Load(Path.Combine(Path.GetTempPath(), "waypoint-tests", "no-such-folder-" + Guid.NewGuid().ToString("N")));

        Assert.Empty(catalog.All);
        Assert.Null(catalog.Current);
    }

    [Fact]
    public void The_problems_of_every_invalid_file_are_reported_together()
    {
        using var content = new ContentDirectory()
            .With("1.0.yaml", TestQuestionnaires.Mutate("status: published", "status: live"))
            .With("1.1.yaml", TestQuestionnaires.AsVersion("1.1", "published").Replace("type: yes_no", "type: boolean", StringComparison.Ordinal));

        var exception = Assert.Throws<QuestionnaireContentException>(() => QuestionnaireCatalog.Load(content.Path));

        Assert.Equal(2, exception.Errors.Count);
        Assert.StartsWith("1.0.yaml, line 3: status 'live'", exception.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("1.1.yaml, line ", exception.Errors[1], StringComparison.Ordinal);
        Assert.Contains("The questionnaire content is invalid", exception.Message, StringComparison.Ordinal);
        Assert.Contains("  - 1.1.yaml, line ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_holding_the_same_version_number_are_rejected()
    {
        using var content = new ContentDirectory().WithVersion("1.0", "published").WithVersion("1.00", "draft");

        var exception = Assert.Throws<QuestionnaireContentException>(() => QuestionnaireCatalog.Load(content.Path));

        Assert.Equal("1.0.yaml and 1.00.yaml hold the same version; keep one of them.", Assert.Single(exception.Errors));
    }

    [Fact]
    public void The_questionnaire_content_shipped_with_the_application_is_valid()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Content", "questionnaire");
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.yaml") : [];

        var catalog = QuestionnaireCatalog.Load(directory);

        Assert.Equal(files.Length, catalog.All.Length);
        if (files.Length > 0) Assert.NotNull(catalog.Current);
    }
}
