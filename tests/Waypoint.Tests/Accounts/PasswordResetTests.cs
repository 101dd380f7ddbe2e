using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

public sealed class PasswordResetTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private const string NewPassword = "a-brand-new-password-7";

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var user = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var form = new FormPoster(browser);

        var asked = await form.SubmitAsync("/accounts/forgot-password", ("Email", user.Email));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var link = (await factory.LastMessageToAsync(user.Email)).LinkTo("/accounts/reset-password");

        var reset = await form.SubmitAsync(link.PathAndQuery, ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/accounts/signin", reset.RedirectTarget());
        Assert.Contains("Your password is changed", await browser.GetStringAsync("/accounts/signin"), StringComparison.Ordinal);

        var oldPassword = await form.SubmitAsync("/accounts/signin", ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        var newPassword = await form.SubmitAsync("/accounts/signin", ("Input.Email", user.Email), ("Input.Password", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Fact]
    public async Task Asking_for_an_unknown_address_looks_the_same_and_sends_nothing()
    {
        var user = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var form = new FormPoster(browser);
        var unknown = AccountClients.NewEmail();

        var forKnown = await form.SubmitAsync("/accounts/forgot-password", ("Email", user.Email));
        var forUnknown = await form.SubmitAsync("/accounts/forgot-password", ("Email", unknown));

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(forKnown.Headers.Location, forUnknown.Headers.Location);
        Assert.Empty(await factory.MessagesToAsync(unknown));
        Assert.Single(await factory.MessagesToAsync(user.Email));
    }

    [Fact]
    public async Task A_wrong_reset_code_is_refused_on_the_code_field_and_the_password_stays()
    {
        var user = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var form = new FormPoster(browser);
        var response = await form.SubmitAsync("/accounts/reset-password",
            ("Input.Email", user.Email), ("Input.Code", "bm90LWEtdG9rZW4"), ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword));

        var page = await FormPoster.ParseAsync(response);
        Assert.Equal("#Input_Code", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        var signIn = await form.SubmitAsync("/accounts/signin", ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task The_api_reset_code_from_the_email_resets_the_password()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreateClient();
        var asked = await client.PostAsync("/api/v1/auth/forgotPassword", Json.Body(new { email = user.Email }));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        var link = (await factory.LastMessageToAsync(user.Email)).LinkTo("/accounts/reset-password");
        var code = QueryHelpers.ParseQuery(link.Query)["code"].ToString();
        var reset = await client.PostAsync("/api/v1/auth/resetPassword", Json.Body(new { email = user.Email, resetCode = code, newPassword = NewPassword }));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        var login = await client.PostAsync("/api/v1/auth/login", Json.Body(new { email = user.Email, password = NewPassword }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
