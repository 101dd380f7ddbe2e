using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Data.Accounts;
using Waypoint.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Proofreading;

[Collection(BrowserCollection.Name)]
public sealed class SuggestWordingJourneyTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    // Located by their addresses and the English source texts, which stay the same whatever the German wording becomes.
    private const string ModeButton = "form[action$='/proofreading/suggest-mode'] button";
    private const string SuggestLink = "a[href*='/proofreading/suggest?page=']";

    [Fact]
    public Task A_member_in_german_proposes_wording_for_the_home_page_an_editor_accepts_it_and_the_home_page_shows_it() => BrowseAsync(async page =>
    {
        await SignInAsync(page, await Server.CreateUserAsync());
        await page.GotoAsync("/de/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ihre Behörde finden" })).ToBeVisibleAsync();

        await page.Locator(ModeButton).ClickAsync();
        await page.Locator(SuggestLink).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/de/proofreading/suggest\\?page=%2F&lang=de$"));
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var text = page.Locator("section.wording").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Find your authority", Exact = true }) });
        await Expect(text.Locator("textarea")).ToHaveValueAsync("Ihre Behörde finden");
        await text.Locator("textarea").FillAsync("Finden Sie Ihre Verwaltung");
        await text.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".notice-success")).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        var editor = await OpenAnotherBrowserAsync();
        await SignInAsync(editor, await Server.CreateUserAsync(roles: PlatformRoles.Editor));
        await editor.GotoAsync("/proofreading?language=de");
        await editor.AssertNoSeriousAccessibilityViolationsAsync();
        var suggestion = editor.Locator("section.claim").Filter(new() { HasText = "Finden Sie Ihre Verwaltung" });
        // ?language=de filters the queue without switching the editor's own interface language.
        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(editor.Locator(".notice-success")).ToContainTextAsync("Finden Sie Ihre Verwaltung");

        await page.GotoAsync("/de/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Finden Sie Ihre Verwaltung" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_editors_pages_have_no_serious_accessibility_violations() => BrowseAsync(async page =>
    {
        using (var member = await Server.CreateApiClientAsync(await Server.CreateUserAsync()))
        {
            var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(member, "/api/v1/proofreading/suggestions",
                new { language = "fr", key = "Directory", text = "Annuaire des autorités", page = "/" });
            Assert.True(response.IsSuccessStatusCode);
        }
        await SignInAsync(page, await Server.CreateUserAsync(roles: PlatformRoles.Editor));

        foreach (var url in new[] { "/proofreading?language=fr", "/proofreading/coverage", "/proofreading/strings?language=fr", "/proofreading/strings?language=fr&texts=questionnaire", "/proofreading/string?language=fr&key=Directory", "/proofreading/suggest-mode" })
        {
            await page.GotoAsync(url);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
        }
    });
}
