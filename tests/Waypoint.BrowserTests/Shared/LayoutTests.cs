using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Shared;

/// <summary>What every page has from Features/Shared/_Layout.cshtml: the skip link and the language switcher.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    [Fact]
    public Task The_skip_link_is_the_first_stop_of_the_keyboard_and_moves_focus_to_the_main_content() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
    });

    [Fact]
    public Task Without_JavaScript_the_language_switcher_changes_the_language_when_its_button_is_pressed() =>
        BrowseAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }, async page =>
        {
            await page.GotoAsync("/");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

            await page.GetByLabel("Language").SelectOptionAsync("de");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
            await Expect(page.GetByLabel("Language")).ToHaveValueAsync("de");
            Assert.Equal(Server.RootUri, new Uri(page.Url));
        });

    [Fact]
    public Task With_JavaScript_the_language_switcher_changes_the_language_as_soon_as_one_is_chosen() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/");

        await page.GetByLabel("Language").SelectOptionAsync("fr");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByLabel("Language")).ToHaveValueAsync("fr");
    });
}
