using System.Net;
using Microsoft.EntityFrameworkCore;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

public sealed class AccountPageTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_person_changes_their_name_and_language_on_their_account_page()
    {
        var user = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(user);
        var response = await new FormPoster(browser).SubmitAsync("/accounts/me",
            [KeyValuePair.Create<string, string?>("Profile.DisplayName", "Grace Hopper"), KeyValuePair.Create<string, string?>("Profile.PreferredLanguage", "de")],
            "form[action$='handler=Profile']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        Assert.Equal(("Grace Hopper", "de"), (saved.DisplayName, saved.PreferredLanguage));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Waypoint.Language=c%3Dde", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_language_is_refused_on_its_field()
    {
        var user = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(user);
        var response = await new FormPoster(browser).SubmitAsync("/accounts/me",
            [KeyValuePair.Create<string, string?>("Profile.PreferredLanguage", "xx")], "form[action$='handler=Profile']");

        var page = await FormPoster.ParseAsync(response);
        Assert.Equal("#Profile_PreferredLanguage", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("en", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PreferredLanguage).SingleAsync()));
    }

    [Fact]
    public async Task A_person_changes_their_password_with_the_current_one()
    {
        const string newPassword = "another-good-password-3";
        var user = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(user);
        var form = new FormPoster(browser);

        var wrong = await form.SubmitAsync("/accounts/me",
            [Field("Password.CurrentPassword", "not-my-password-1"), Field("Password.NewPassword", newPassword), Field("Password.ConfirmPassword", newPassword)],
            "form[action$='handler=Password']");
        Assert.Equal("#Password_CurrentPassword", (await FormPoster.ParseAsync(wrong)).QuerySelector(".error-summary a")!.GetAttribute("href"));

        var changed = await form.SubmitAsync("/accounts/me",
            [Field("Password.CurrentPassword", user.Password), Field("Password.NewPassword", newPassword), Field("Password.ConfirmPassword", newPassword)],
            "form[action$='handler=Password']");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/accounts/me")).StatusCode);

        using var api = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/auth/login", Json.Body(new { email = user.Email, password = newPassword }))).StatusCode);
    }

    [Theory]
    [InlineData("/accounts/register")]
    [InlineData("/accounts/signin")]
    [InlineData("/accounts/forgot-password")]
    [InlineData("/accounts/reset-password")]
    [InlineData("/accounts/resend-confirmation")]
    public async Task Every_field_of_the_anonymous_account_forms_has_a_label(string page)
    {
        using var browser = factory.CreateBrowser();
        var document = await FormPoster.ParseAsync(await browser.GetAsync(page));
        var fields = document.QuerySelectorAll("main input:not([type=hidden]), main select").ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, field => Assert.True(
            document.QuerySelector($"label[for='{field.Id}']") is not null || field.Closest("label") is not null, $"{field.Id} on {page} has no label"));
    }

    [Fact]
    public void Every_account_page_states_who_may_open_it()
    {
        var pages = typeof(Waypoint.Features.Accounts.AccountPages).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)) && t.Namespace!.StartsWith("Waypoint.Features.Accounts", StringComparison.Ordinal))
            .ToList();
        Assert.True(pages.Count >= 11, $"Found only {pages.Count} account pages.");
        Assert.All(pages, page => Assert.True(
            page.IsDefined(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false) ^ page.IsDefined(typeof(Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute), false),
            $"{page.Name} must state [Authorize] or [AllowAnonymous]"));
    }

    private static KeyValuePair<string, string?> Field(string name, string value) => KeyValuePair.Create<string, string?>(name, value);
}
