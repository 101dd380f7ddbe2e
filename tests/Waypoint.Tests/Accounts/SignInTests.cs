using System.Net;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

public sealed class SignInTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_on_the_page_lock_the_account_and_say_when_to_retry()
    {
        var user = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var form = new FormPoster(browser);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await FormPoster.ParseAsync(await form.SubmitAsync("/accounts/signin", ("Input.Email", user.Email), ("Input.Password", "wrong-password-1")));
            Assert.Contains("not right", wrong.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        var fifth = await FormPoster.ParseAsync(await form.SubmitAsync("/accounts/signin", ("Input.Email", user.Email), ("Input.Password", "wrong-password-1")));
        Assert.Matches(@"locked for 1[45] minutes, until \d\d:\d\d UTC", fifth.QuerySelector(".error-summary")!.TextContent);

        var right = await form.SubmitAsync("/accounts/signin", ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await FormPoster.ParseAsync(right)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_on_the_api_lock_the_account()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostAsync("/api/v1/auth/login", Json.Body(new { email = user.Email, password = "wrong-password-1" }));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var right = await client.PostAsync("/api/v1/auth/login", Json.Body(new { email = user.Email, password = user.Password }));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal("LockedOut", (await Json.ReadAsync(right)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_rejected()
    {
        var user = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var response = await new FormPoster(browser).SubmitAsync("/accounts/signin",
            ("Input.Email", user.Email), ("Input.Password", user.Password), (FormPoster.AntiforgeryField, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/accounts/me")).StatusCode);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_not_followed()
    {
        var user = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var response = await new FormPoster(browser).SubmitAsync("/accounts/signin?ReturnUrl=https%3A%2F%2Fevil.example%2Fphish",
            ("Input.Email", user.Email), ("Input.Password", user.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task A_protocol_relative_return_url_is_not_followed(string returnUrl)
    {
        var user = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var response = await new FormPoster(browser).SubmitAsync("/accounts/signin",
            ("Input.Email", user.Email), ("Input.Password", user.Password), ("ReturnUrl", returnUrl));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_url_is_followed_after_sign_in()
    {
        var user = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var challenge = await browser.GetAsync("/accounts/me");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var signInPage = challenge.RedirectTarget()!;
        Assert.StartsWith("/accounts/signin", signInPage, StringComparison.Ordinal);

        var response = await new FormPoster(browser).SubmitAsync(signInPage, ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Equal("/accounts/me", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_takes_a_post_and_ends_the_session()
    {
        var user = await factory.CreateUserAsync();
        using var browser = factory.CreateBrowser();
        var form = new FormPoster(browser);
        await form.SubmitAsync("/accounts/signin", ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/accounts/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/accounts/signout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/accounts/me")).StatusCode);

        var signedOut = await form.SubmitAsync("/accounts/signout", [], "header form[action='/accounts/signout']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/accounts/me")).StatusCode);
    }
}
