using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Authorities;

/// <summary>The directory's search (/authorities) without scripts, and with them under a language prefix.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DirectorySearchTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    [Fact]
    public Task Without_JavaScript_the_search_finds_a_municipality_typed_without_accents_when_the_form_is_sent() =>
        BrowseAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }, async page =>
        {
            await page.GotoAsync("/authorities");

            await page.GetByLabel("Name").FillAsync("sao joao da mad");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(SearchAddress());
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(AuthoritiesFound());
            await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "São João da Madeira", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Name")).ToHaveValueAsync("sao joao da mad");

            // axe needs scripts: it checks the same address, whose results the server rendered, in a scripted browser.
            var scripted = await OpenAnotherBrowserAsync();
            await scripted.GotoAsync(page.Url);
            await Expect(scripted.GetByRole(AriaRole.Link, new() { Name = "São João da Madeira", Exact = true })).ToBeVisibleAsync();
            await scripted.AssertNoSeriousAccessibilityViolationsAsync();
        });

    [Fact]
    public Task Results_found_as_you_type_under_a_language_prefix_lead_to_the_card_in_that_language() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/de/authorities");

        await page.Locator("#search-q").PressSequentiallyAsync("malmo");
        var malmo = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "Malmö", Exact = true });
        await Expect(malmo).ToHaveAttributeAsync("href", new Regex("^/de/authorities/[0-9]+$"));
        await Expect(page).ToHaveURLAsync(new Regex("/de/authorities\\?q=malmo$"));
        await Expect(page.Locator("#result-prompt")).ToBeHiddenAsync();

        await malmo.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Malmö");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
    });

    [GeneratedRegex(@"^(1 authority|[\d,]+ authorities) found$")]
    private static partial Regex AuthoritiesFound();

    [GeneratedRegex(@"/authorities\?q=sao\+joao\+da\+mad")]
    private static partial Regex SearchAddress();
}
