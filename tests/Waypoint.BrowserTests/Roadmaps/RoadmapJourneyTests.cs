using Microsoft.Playwright;
using UglyToad.PdfPig;
using Waypoint.BrowserTests.Assessments;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Features.Questionnaires;
using Waypoint.Tests.Organisations;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Roadmaps;

[Collection(BrowserCollection.Name)]
public sealed class RoadmapJourneyTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    /// <summary>Starts, answers (everything at level 2, the data inventory at 1) and submits an assessment through the API
    /// with the signed-in page's session, as the answering pages would.</summary>
    private async Task<string> SubmitAssessmentAsync(IPage page, Guid organisationId)
    {
        var api = page.Context.APIRequest;
        var started = await api.PostAsync("/api/v1/assessments", new() { DataObject = new { organisationId } });
        Assert.True(started.Ok, $"Start answered {started.Status}");
        var id = (await started.JsonAsync())!.Value.GetProperty("id").GetString()!;
        foreach (var question in Server.Services.GetQuestionnaire().Sections.SelectMany(s => s.Questions))
        {
            object body = question.Type switch
            {
                QuestionType.Scale => new { level = question.Key == "data_management.data_inventory" ? 1 : 2, version = 0 },
                QuestionType.Number => new { value = 5000, version = 0 },
                QuestionType.SingleChoice => new { value = question.Options[0].Key, version = 0 },
                QuestionType.YesNo => new { value = true, version = 0 },
                _ => new { value = "Estonian", version = 0 },
            };
            var answered = await api.PutAsync($"/api/v1/assessments/{id}/answers/{question.Key}", new() { DataObject = body });
            Assert.True(answered.Ok, $"{question.Key} answered {answered.Status}");
        }
        var submitted = await api.PostAsync($"/api/v1/assessments/{id}/submit");
        Assert.True(submitted.Ok, $"Submit answered {submitted.Status}");
        return id;
    }

    [Fact]
    public Task A_submitted_assessment_leads_to_recommendations_and_an_edited_roadmap_exported_as_pdf() => BrowseAsync(async page =>
    {
        var organisation = await Server.CreateOrganisationAsync();
        await page.SignInAsync(organisation.Admin);
        var assessmentId = await SubmitAssessmentAsync(page, organisation.OrganisationId);

        // The results page lists the recommendations, each with the answers that led to it.
        await page.GotoAsync($"assessments/{assessmentId}/results");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recommendations", Level = 2 })).ToBeVisibleAsync();
        var inventory = page.Locator("[data-recommendation='local-data-inventory']");
        await Expect(inventory).ToContainTextAsync("Because you answered:");
        await Expect(inventory).ToContainTextAsync("Data inventory and catalogue");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // The roadmap, generated from them.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the roadmap" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Roadmap of");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Reorder: the second quick win moves up.
        var quickWins = page.Locator("section[data-horizon='quick_win'] li.roadmap-action");
        Assert.True(await quickWins.CountAsync() >= 2, "The roadmap should have at least two quick wins.");
        var secondTitle = await quickWins.Nth(1).Locator("h3").InnerTextAsync();
        await quickWins.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Move up" }).ClickAsync();
        await Expect(page.Locator(".notice-success")).ToContainTextAsync("moved");
        await Expect(quickWins.Nth(0).Locator("h3")).ToHaveTextAsync(secondTitle);

        // Add an own action.
        await page.Locator("#new-title").FillAsync("Present the roadmap to the council");
        await page.Locator("#new-owner").FillAsync("Digital office");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Expect(page.Locator(".notice-success")).ToContainTextAsync("added");
        await Expect(page.Locator("section[data-horizon='quick_win']")).ToContainTextAsync("Present the roadmap to the council");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Export as PDF: every action is in it.
        var titles = await page.Locator("li.roadmap-action h3").AllInnerTextsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("roadmap-pdf").ClickAsync());
        var file = await download.PathAsync();
        using (var pdf = PdfDocument.Open(file))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            foreach (var title in titles)
            {
                foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries)) Assert.Contains(word, text, StringComparison.Ordinal);
            }
        }

        // The print version.
        await page.GetByRole(AriaRole.Link, new() { Name = "Print version" }).ClickAsync();
        await Expect(page.Locator("li.roadmap-action").First).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Present the roadmap to the council");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    });
}
