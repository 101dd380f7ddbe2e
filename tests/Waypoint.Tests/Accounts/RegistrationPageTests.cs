using System.Net;
using Microsoft.EntityFrameworkCore;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

public sealed class RegistrationPageTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_person_registers_confirms_through_the_emailed_link_and_signs_in()
    {
        using var browser = factory.CreateBrowser();
        var form = new FormPoster(browser);
        var email = AccountClients.NewEmail();

        var registered = await form.SubmitAsync("/accounts/register",
            ("Input.Email", email), ("Input.DisplayName", "Ada Lovelace"), ("Input.Password", TestUsers.Password), ("Input.ConfirmPassword", TestUsers.Password));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/accounts/check-email", registered.RedirectTarget());
        var checkEmail = await browser.GetStringAsync("/accounts/check-email");
        Assert.Contains(email, checkEmail, StringComparison.Ordinal);

        var message = await factory.LastMessageToAsync(email);
        Assert.Contains("Ada Lovelace", message.TextBody, StringComparison.Ordinal);
        Assert.NotNull(message.HtmlBody);
        var link = message.LinkTo("/accounts/confirm-email");
        Assert.Equal("localhost", link.Host);

        var confirmation = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("Email address confirmed", await confirmation.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedIn = await form.SubmitAsync("/accounts/signin", ("Input.Email", email), ("Input.Password", TestUsers.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.RedirectTarget());
        var me = await browser.GetAsync("/accounts/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("Ada Lovelace", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unconfirmed_account_cannot_sign_in_and_is_offered_a_new_link()
    {
        using var browser = factory.CreateBrowser();
        var form = new FormPoster(browser);
        var email = AccountClients.NewEmail();
        await form.SubmitAsync("/accounts/register",
            ("Input.Email", email), ("Input.DisplayName", "Unconfirmed"), ("Input.Password", TestUsers.Password), ("Input.ConfirmPassword", TestUsers.Password));

        var attempt = await form.SubmitAsync("/accounts/signin", ("Input.Email", email), ("Input.Password", TestUsers.Password));
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        var page = await FormPoster.ParseAsync(attempt);
        Assert.Contains("not confirmed", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var resend = page.QuerySelector("main a[href^='/accounts/resend-confirmation']")!.GetAttribute("href")!;
        Assert.Contains(email, Uri.UnescapeDataString(resend), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("header a[href='/accounts/me']"));

        using var api = factory.CreateClient();
        var login = await api.PostAsync("/api/v1/auth/login", Json.Body(new { email, password = TestUsers.Password }));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);

        var before = (await factory.MessagesToAsync(email)).Count;
        var resent = await form.SubmitAsync($"/accounts/resend-confirmation?email={Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(before + 1, (await factory.MessagesToAsync(email)).Count);
    }

    [Fact]
    public async Task Registration_errors_are_listed_with_links_to_their_fields_and_nothing_is_stored()
    {
        using var browser = factory.CreateBrowser();
        var email = AccountClients.NewEmail();
        var response = await new FormPoster(browser).SubmitAsync("/accounts/register",
            ("Input.Email", email), ("Input.DisplayName", ""), ("Input.Password", "short1"), ("Input.ConfirmPassword", "other"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await FormPoster.ParseAsync(response);
        var links = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input_DisplayName", links);
        Assert.Contains("#Input_Password", links);
        Assert.Contains("#Input_ConfirmPassword", links);
        Assert.All(links, href => Assert.NotNull(page.QuerySelector(href!)));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Empty(await factory.MessagesToAsync(email));
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_says_so_on_the_email_field()
    {
        var existing = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var response = await new FormPoster(browser).SubmitAsync("/accounts/register",
            ("Input.Email", existing.Email), ("Input.DisplayName", "Again"), ("Input.Password", TestUsers.Password), ("Input.ConfirmPassword", TestUsers.Password));

        var page = await FormPoster.ParseAsync(response);
        Assert.Equal("#Input_Email", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == existing.Email)));
    }

    [Fact]
    public async Task A_confirmation_link_with_a_wrong_code_says_it_does_not_work()
    {
        var user = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var html = await browser.GetStringAsync($"/accounts/confirm-email?userId={user.Id}&code=bm90LWEtdG9rZW4");
        Assert.Contains("This link does not work", html, StringComparison.Ordinal);
    }
}
