using System.Net;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Data.Assessments;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Tests.Accounts;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Recommendations;

/// <summary>The policy view for coordinators and the library pages for editors.</summary>
public sealed class RecommendationPagesTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    /// <summary>Adds <paramref name="count"/> submitted assessments of one country, each with the data inventory
    /// answered <paramref name="inventoryLevel"/> and every other question at 4, straight into the database.</summary>
    private async Task ArrangeSubmittedAsync(string country, int count, int inventoryLevel)
    {
        var questionnaire = RecommendationMatcherTests.Questionnaire;
        for (var i = 0; i < count; i++)
        {
            var organisation = await factory.CreateOrganisationAsync();
            await factory.WithDbAsync(async db =>
            {
                var assessmentId = Guid.NewGuid();
                var now = DateTimeOffset.UtcNow;
                var assessment = new Assessment
                {
                    Id = assessmentId,
                    OrganisationId = organisation.OrganisationId,
                    Round = 2025,
                    QuestionnaireVersion = questionnaire.Version,
                    Status = AssessmentStatus.Submitted,
                    CreatedAt = now,
                    CreatedById = organisation.Admin.Id,
                    SubmittedAt = now,
                    UpdatedAt = now,
                };
                foreach (var question in questionnaire.Topics.SelectMany(t => t.ScoredQuestions))
                {
                    assessment.Answers.Add(new Answer
                    {
                        QuestionKey = question.Key,
                        Choice = AnswerChoice.Level,
                        UpdatedAt = now,
                        UpdatedById = organisation.Admin.Id,
                        Level = question.Key == "data_management.data_inventory" ? inventoryLevel : 4,
                    });
                }
                db.Assessments.Add(assessment);
                db.BenchmarkEntries.Add(new BenchmarkEntry
                {
                    AssessmentId = assessmentId,
                    OrganisationId = organisation.OrganisationId,
                    AuthorityId = organisation.AuthorityId,
                    Round = 2025,
                    QuestionnaireVersion = questionnaire.Version,
                    CountryCode = country,
                    Nuts2Code = country + "11",
                    AuthorityType = AuthorityType.Municipality,
                    PopulationBand = PopulationBand.Under1000,
                    SubmittedAt = now,
                    RecordedAt = now,
                    Overall = 70,
                });
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task Coordinators_see_how_often_each_recommendation_applies_in_a_country_with_counts_and_shares()
    {
        await ArrangeSubmittedAsync("LU", 4, inventoryLevel: 1);
        await ArrangeSubmittedAsync("LU", 2, inventoryLevel: 5);
        var coordinator = await factory.CreateUserAsync(roles: PlatformRoles.Coordinator);
        using var browser = await factory.CreateBrowserClientAsync(coordinator);

        var html = await browser.GetStringAsync("/recommendations/policy?round=2025&country=LU");
        var document = await FormPoster.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });

        Assert.Contains("6 submitted assessments", html, StringComparison.Ordinal);
        // Every one of the 6 is Advanced in governance: the advanced recommendation applies to all.
        var governance = document.QuerySelector("tr[data-recommendation='local-governance-advanced']")!;
        Assert.Equal("6", governance.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal("100%", governance.QuerySelectorAll("td")[2].TextContent.Trim().Replace(" ", "", StringComparison.Ordinal));
        // The data inventory recommendation applies to 4 of them, fewer than the minimum group size of 5: no figure.
        var inventory = document.QuerySelector("tr[data-recommendation='local-data-inventory']")!;
        Assert.Equal("fewer than 5", inventory.QuerySelectorAll("td")[1].TextContent.Trim());
    }

    [Fact]
    public async Task A_group_smaller_than_the_minimum_group_size_shows_nothing()
    {
        await ArrangeSubmittedAsync("MT", 3, inventoryLevel: 1);
        var coordinator = await factory.CreateUserAsync(roles: PlatformRoles.Coordinator);
        using var browser = await factory.CreateBrowserClientAsync(coordinator);

        var html = await browser.GetStringAsync("/recommendations/policy?round=2025&country=MT");

        Assert.Contains("data-testid=\"policy-too-few\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-recommendation=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_counted_policy_view_is_served_again_for_the_same_filters_until_it_expires()
    {
        await ArrangeSubmittedAsync("SI", 5, inventoryLevel: 1);
        var coordinator = await factory.CreateUserAsync(roles: PlatformRoles.Coordinator);
        using var browser = await factory.CreateBrowserClientAsync(coordinator);
        var first = await browser.GetStringAsync("/recommendations/policy?round=2025&country=SI");
        Assert.Contains("5 submitted assessments", first, StringComparison.Ordinal);

        // A sixth submission, after the view was counted: the kept view is served, not a new count.
        await ArrangeSubmittedAsync("SI", 1, inventoryLevel: 1);
        var again = await browser.GetStringAsync("/recommendations/policy?round=2025&country=SI");
        // The same filters written differently are the same view.
        var lowerCase = await browser.GetStringAsync("/recommendations/policy?round=2025&country=si");

        Assert.Contains("5 submitted assessments", again, StringComparison.Ordinal);
        Assert.Contains("5 submitted assessments", lowerCase, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"policy-counted\"", again, StringComparison.Ordinal);
        // Other filters are counted on their own, with the sixth included: the region SI11 holds all six.
        Assert.Contains("6 submitted assessments", await browser.GetStringAsync("/recommendations/policy?round=2025&country=SI&nuts2=SI11"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_view_of_a_group_too_small_still_shows_nothing_and_counts_below_the_minimum_stay_hidden()
    {
        await ArrangeSubmittedAsync("EE", 4, inventoryLevel: 1);
        var coordinator = await factory.CreateUserAsync(roles: PlatformRoles.Coordinator);
        using var browser = await factory.CreateBrowserClientAsync(coordinator);

        var first = await browser.GetStringAsync("/recommendations/policy?round=2025&country=EE");
        var kept = await browser.GetStringAsync("/recommendations/policy?round=2025&country=EE");

        foreach (var html in new[] { first, kept })
        {
            Assert.Contains("data-testid=\"policy-too-few\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-recommendation=", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_policy_view_refuses_a_malformed_region_code_with_a_form_error()
    {
        var coordinator = await factory.CreateUserAsync(roles: PlatformRoles.Coordinator);
        using var browser = await factory.CreateBrowserClientAsync(coordinator);

        var html = await browser.GetStringAsync("/recommendations/policy?nuts2=%3Cscript%3E");

        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#nuts2\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/recommendations/policy")]
    [InlineData("/recommendations/manage")]
    [InlineData("/recommendations/manage/edit/local-data-inventory")]
    public async Task People_without_the_platform_role_are_sent_to_the_denied_page(string path)
    {
        var user = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(user);

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/accounts/denied", response.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_changes_a_recommendation_and_it_is_marked_as_edited()
    {
        var editor = await factory.CreateUserAsync(roles: PlatformRoles.Editor);
        using var browser = await factory.CreateBrowserClientAsync(editor);
        var forms = new FormPoster(browser);

        var response = await forms.SubmitAsync("/recommendations/manage/edit/local-open-data",
            ("Title", "Publish your most useful datasets as open data"), ("AnswerRules", "data_management.open_data: 1, 2, 3"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await factory.WithDbAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.Key == "local-open-data"));
        Assert.Equal("Publish your most useful datasets as open data", row.Title);
        Assert.Equal("data_management.open_data:1,2,3", row.AnswerRules);
        Assert.Equal(editor.Id, row.EditedById);
    }

    [Theory]
    [InlineData("Title", "<img src=x onerror=alert(1)>", "#Title")]
    [InlineData("Text", "Short.", "#Text")]
    [InlineData("AnswerRules", "data_management.open_data: 9", "#AnswerRules")]
    [InlineData("AnswerRules", "governance.skills: 1", "#AnswerRules")]
    [InlineData("CatalogueKeys", "dcat-ap, not-in-the-catalogue", "#CatalogueKeys")]
    public async Task Bad_input_from_an_editor_is_refused_with_a_form_error_and_nothing_changes(string field, string value, string link)
    {
        var editor = await factory.CreateUserAsync(roles: PlatformRoles.Editor);
        using var browser = await factory.CreateBrowserClientAsync(editor);
        var before = await factory.WithDbAsync(db => db.Recommendations.AsNoTracking().OrderBy(r => r.Key).Select(r => r.Key + r.Title + r.Text + r.AnswerRules + r.CatalogueKeys + r.Version).ToListAsync());

        var response = await new FormPoster(browser).SubmitAsync("/recommendations/manage/edit/local-data-inventory", (field, value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Recommendations.AsNoTracking().OrderBy(r => r.Key).Select(r => r.Key + r.Title + r.Text + r.AnswerRules + r.CatalogueKeys + r.Version).ToListAsync()));
    }

    [Fact]
    public async Task An_editor_adds_a_recommendation_and_retires_another()
    {
        var editor = await factory.CreateUserAsync(roles: PlatformRoles.Editor);
        using var browser = await factory.CreateBrowserClientAsync(editor);
        var forms = new FormPoster(browser);

        var added = await forms.SubmitAsync("/recommendations/manage/edit", ("NewKey", "local-data-stewards"), ("Topic", "data_management"),
            ("Bands", "established"), ("CatalogueKeys", "data-governance-act"), ("Title", "Train data stewards"),
            ("Text", "Name a data steward in each department. Give them two days of training a year."));
        var retired = await forms.SubmitAsync("/recommendations/manage/edit/local-apis", ("Retired", "true"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var rows = await factory.WithDbAsync(db => db.Recommendations.AsNoTracking().ToDictionaryAsync(r => r.Key));
        Assert.Equal("established", rows["local-data-stewards"].Bands);
        Assert.True(rows["local-apis"].Retired);
        Assert.Contains("local-data-stewards", await browser.GetStringAsync("/recommendations/manage"), StringComparison.Ordinal);
    }
}
