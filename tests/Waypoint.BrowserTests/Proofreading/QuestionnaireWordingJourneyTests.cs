using System.Net.Http.Json;
using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Data.Accounts;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Proofreading;

/// <summary>Suggest wording for the questionnaire in context: from a topic page in German to the editor's queue and back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionnaireWordingJourneyTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    private const string ModeButton = "form[action$='/proofreading/suggest-mode'] button";
    /// <summary>The link beside the question, which lists only that question's texts.</summary>
    private const string SuggestLink = "fieldset[data-question='governance.digital_strategy'] .suggest-question a";
    private const string EnglishQuestion = "How is your digital strategy used to steer decisions?";
    private const string GermanQuestion = "Wie wird Ihre Digitalstrategie zur Steuerung von Entscheidungen genutzt?";
    private const string BetterQuestion = "Wie steuert Ihre Digitalstrategie die Entscheidungen Ihrer Verwaltung?";

    [Fact]
    public Task A_member_proposes_better_german_wording_for_a_question_on_its_topic_page_and_once_accepted_the_page_shows_it() => BrowseAsync(async page =>
    {
        var organisation = await Server.CreateOrganisationAsync();
        using (var api = await Server.CreateApiClientAsync(organisation.Admin))
        {
            var started = await api.PostAsJsonAsync("/api/v1/assessments", new { organisationId = organisation.OrganisationId });
            Assert.True(started.IsSuccessStatusCode);
            var assessmentId = (await started.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
            await SignInAsync(page, organisation.Admin);
            await page.GotoAsync($"/de/assessments/{assessmentId}/topics/governance");
        }
        var question = page.Locator("fieldset[data-question='governance.digital_strategy'] legend");
        await Expect(question).ToContainTextAsync(GermanQuestion);
        var topicUrl = page.Url;

        await page.Locator(ModeButton).ClickAsync();
        await page.Locator(SuggestLink).ClickAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var text = page.Locator("section.wording").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = EnglishQuestion, Exact = true }) });
        // Only the question's own texts: its title, text, help and five levels, none of the page's interface strings.
        await Expect(page.Locator("section.wording")).ToHaveCountAsync(8);
        await Expect(text.Locator("textarea")).ToHaveValueAsync(GermanQuestion);
        await text.Locator("textarea").FillAsync(BetterQuestion);
        await text.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".notice-success")).ToBeVisibleAsync();

        var editor = await OpenAnotherBrowserAsync();
        await SignInAsync(editor, await Server.CreateUserAsync(roles: PlatformRoles.Editor));
        await editor.GotoAsync("/proofreading?language=de&texts=questionnaire");
        await editor.AssertNoSeriousAccessibilityViolationsAsync();
        var suggestion = editor.Locator("section.claim").Filter(new() { HasText = BetterQuestion });
        await Expect(suggestion.GetByRole(AriaRole.Heading, new() { Name = EnglishQuestion })).ToBeVisibleAsync();
        // The queue filters by ?language=, so the editor's own interface stays in English.
        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(editor.Locator(".notice-success")).ToContainTextAsync(BetterQuestion);
        await editor.GotoAsync("/proofreading/strings?language=de&texts=questionnaire&unconfirmed=false");
        await editor.AssertNoSeriousAccessibilityViolationsAsync();

        await page.GotoAsync(topicUrl);
        await Expect(question).ToContainTextAsync(BetterQuestion);
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    });
}
