using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Data.Accounts;
using Waypoint.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Toolbox;

/// <summary>The toolbox catalogue as a visitor and as an editor use it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ToolboxTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    [Fact]
    public Task A_visitor_searches_without_accents_filters_and_opens_an_entry() =>
        BrowseAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }, async page =>
        {
            await page.GotoAsync("/toolbox");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Toolbox");

            await page.GetByLabel("Search", new() { Exact = true }).FillAsync("referentiel general interoperabilite");
            await page.GetByLabel("Type").SelectOptionAsync("standard");
            await page.GetByLabel("Available in").SelectOptionAsync("fr");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 instrument found");
            var entry = page.GetByRole(AriaRole.Link, new() { Name = "Référentiel Général d'Interopérabilité (RGI)", Exact = true });
            await Expect(entry).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Type")).ToHaveValueAsync("standard");

            await entry.ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Référentiel Général d'Interopérabilité (RGI)");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the official page" })).ToHaveAttributeAsync("rel", "noopener");

            // axe needs scripts: it checks the same pages, rendered by the server, in a scripted browser.
            var scripted = await OpenAnotherBrowserAsync();
            await scripted.GotoAsync(page.Url);
            await scripted.AssertNoSeriousAccessibilityViolationsAsync();
            await scripted.GotoAsync("/toolbox?q=data&topic=data_management&level=3");
            await Expect(scripted.Locator(".toolbox-entry").First).ToBeVisibleAsync();
            await scripted.AssertNoSeriousAccessibilityViolationsAsync();
        });

    [Fact]
    public Task An_editor_corrects_an_entry_after_being_told_what_is_wrong() => BrowseAsync(async page =>
    {
        await SignInAsync(page, await Server.CreateUserAsync(null, PlatformRoles.Editor));
        await page.GotoAsync("/toolbox/elements-of-ai");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit this entry" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit Elements of AI");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.GetByLabel("Address of the official page").FillAsync("elementsofai.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the entry" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Input_Url");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.GetByLabel("Address of the official page").FillAsync("https://www.elementsofai.com/");
        await page.GetByText("suomi (fi)").ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Name and summary in suomi" }).GetByLabel("Name").FillAsync("Elements of AI -kurssi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the entry" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The entry is saved.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Elements of AI");
        var finnish = await Server.WithDbAsync(db => db.ToolboxEntryTranslations.Where(t => t.Language == "fi").Select(t => t.Name).ToListAsync());
        Assert.Contains("Elements of AI -kurssi", finnish);
    });
}
