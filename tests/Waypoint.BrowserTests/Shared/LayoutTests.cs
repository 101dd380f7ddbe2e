using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Tests.Infrastructure;
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
    public Task A_signed_in_person_sees_their_name_and_a_sign_out_button_instead_of_the_sign_in_link() => BrowseAsync(async page =>
    {
        var user = await Server.CreateUserAsync();
        await SignInAsync(page, user);

        await page.GotoAsync("/");

        var header = page.Locator("header");
        // Test accounts are named after the start of their email address.
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = user.Email.Split('@')[0], Exact = true })).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveCountAsync(0);
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
            // The label is now in German: find the switcher by its id.
            await Expect(page.Locator("#language-select")).ToHaveValueAsync("de");
            // The same page, now in the chosen language's part of the site.
            Assert.Equal(new Uri(Server.RootUri, "/de"), new Uri(page.Url));
        });

    [Fact]
    public Task With_JavaScript_the_language_switcher_changes_the_language_as_soon_as_one_is_chosen() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/");

        await page.GetByLabel("Language").SelectOptionAsync("fr");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("#language-select")).ToHaveValueAsync("fr");
        Assert.Equal("/fr", new Uri(page.Url).AbsolutePath);
    });
}
