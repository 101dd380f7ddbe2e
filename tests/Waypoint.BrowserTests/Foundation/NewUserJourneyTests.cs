using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Data.Accounts;
using Waypoint.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Foundation;

/// <summary>
/// The foundation from end to end, as a new user meets it, only through the pages: an account, the directory, a
/// claim, a platform admin's approval, the organisation and an invitation. Every page on the way is checked with axe,
/// and a picture of it is left in <c>TestResults/screenshots/journey/</c> for people to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NewUserJourneyTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    private const string Password = "a long walk to Malmö 2025";

    [Fact]
    public Task A_new_user_registers_claims_their_municipality_and_once_an_admin_approves_invites_a_colleague() => BrowseAsync(async page =>
    {
        var email = $"anna-{Guid.NewGuid():N}@malmo.example.eu";
        var colleague = $"erik-{Guid.NewGuid():N}@malmo.example.eu";

        // Registers.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await ExpectHeadingAsync(page, "Create an account");
        await CheckPageAsync(page, "01-register");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Your name").FillAsync("Anna Lindqvist");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await ExpectHeadingAsync(page, "Check your email");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(email);
        await CheckPageAsync(page, "02-check-email");

        // Follows the link in the confirmation email.
        var confirmation = await Server.LastMessageToAsync(email);
        Assert.Equal("Confirm your email address for Waypoint", confirmation.Subject);
        await page.GotoAsync(confirmation.LinkTo("/accounts/confirm-email").ToString());
        await ExpectHeadingAsync(page, "Email address confirmed");
        await CheckPageAsync(page, "03-confirm-email");

        // Signs in.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await ExpectHeadingAsync(page, "Sign in");
        await CheckPageAsync(page, "04-sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        // Finds Malmö by typing its name without the accent; the results come as she types.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Directory" }).ClickAsync();
        await ExpectHeadingAsync(page, "Directory of public authorities");
        await page.GetByLabel("Name").PressSequentiallyAsync("malmo");
        var malmo = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "Malmö", Exact = true });
        await Expect(malmo).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(AuthoritiesFound());
        await CheckPageAsync(page, "05-directory-results");

        // Opens its card and claims it.
        await malmo.ClickAsync();
        await ExpectHeadingAsync(page, "Malmö");
        await CheckPageAsync(page, "06-authority-card");
        await page.GetByRole(AriaRole.Link, new() { Name = "Claim this authority" }).ClickAsync();
        await ExpectHeadingAsync(page, "Claim Malmö");
        await CheckPageAsync(page, "07-claim-form");
        await page.GetByLabel("Your job title").FillAsync("Chief Digital Officer");
        await page.GetByLabel("Why you may speak for this authority").FillAsync(
            "I lead the digital office of the city; my name is on the city's contact page.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my claim" }).ClickAsync();

        await ExpectHeadingAsync(page, "My organisations");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your claim for Malmö is sent");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Malmö" })).ToContainTextAsync("pending");
        await CheckPageAsync(page, "08-my-organisations-claim-pending");

        // A platform admin approves the claim, in a browser of their own.
        var admin = await Server.CreateUserAsync(null, PlatformRoles.Admin);
        var adminPage = await OpenAnotherBrowserAsync();
        await SignInAsync(adminPage, admin);
        await adminPage.GotoAsync("/");
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "Claims to review" }).ClickAsync();
        await ExpectHeadingAsync(adminPage, "Claims to review");
        var claim = adminPage.GetByRole(AriaRole.Region, new() { Name = "Malmö" });
        await Expect(claim).ToContainTextAsync("Anna Lindqvist");
        await Expect(claim).ToContainTextAsync("Chief Digital Officer");
        await CheckPageAsync(adminPage, "09-admin-claims");
        await claim.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(adminPage.GetByRole(AriaRole.Status)).ToContainTextAsync("The claim for Malmö is approved");
        await Expect(adminPage.GetByRole(AriaRole.Region, new() { Name = "Malmö" })).ToHaveCountAsync(0);

        var approval = await Server.LastMessageToAsync(email);
        Assert.Equal("Your claim for Malmö is approved", approval.Subject);

        // The new user finds her organisation and invites a colleague as a contributor.
        await page.GetByRole(AriaRole.Link, new() { Name = "My organisations" }).ClickAsync();
        var organisation = page.GetByRole(AriaRole.Table, new() { Name = "Organisations you are a member of" });
        await Expect(organisation.GetByRole(AriaRole.Row, new() { Name = "Malmö" })).ToContainTextAsync("Admin");
        await CheckPageAsync(page, "10-my-organisations");
        await organisation.GetByRole(AriaRole.Link, new() { Name = "Malmö" }).ClickAsync();

        await ExpectHeadingAsync(page, "Malmö");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Members of the organisation" })).ToContainTextAsync("Anna Lindqvist");
        await CheckPageAsync(page, "11-organisation");
        var invite = page.GetByRole(AriaRole.Form, new() { Name = "Invite a colleague" });
        await invite.GetByLabel("Email address").FillAsync(colleague);
        await invite.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Contributor" });
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{colleague} is invited as Contributor");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Invitations waiting for an answer" })).ToContainTextAsync(colleague);
        await CheckPageAsync(page, "12-organisation-invitation-sent");

        var invitation = await Server.LastMessageToAsync(colleague);
        Assert.Equal("You are invited to join Malmö on Waypoint", invitation.Subject);
        Assert.Contains("as Contributor", invitation.TextBody, StringComparison.Ordinal);
        Assert.StartsWith(Server.RootUri.ToString(), invitation.LinkTo("/organisations/invitations/").ToString(), StringComparison.Ordinal);
    });

    private static Task ExpectHeadingAsync(IPage page, string text) =>
        Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(text);

    /// <summary>axe finds no serious or critical violation; the picture is for people reviewing the pages.</summary>
    private static async Task CheckPageAsync(IPage page, string name)
    {
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var directory = Path.Combine(TestResultsDirectory.Screenshots, "journey");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    [GeneratedRegex(@"^(1 authority|[\d,]+ authorities) found$")]
    private static partial Regex AuthoritiesFound();
}
