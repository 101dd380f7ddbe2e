using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

public sealed class RegisterApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task Registering_through_the_api_emails_a_link_to_the_confirmation_page()
    {
        using var client = factory.CreateClient();
        var email = AccountClients.NewEmail();
        var response = await client.PostAsync("/api/v1/auth/register", Json.Body(new { email, password = TestUsers.Password }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(email.Split('@')[0], user.DisplayName);
        Assert.False(user.EmailConfirmed);
        var link = (await factory.LastMessageToAsync(email)).LinkTo("/accounts/confirm-email");
        var page = await client.GetStringAsync(link.PathAndQuery);
        Assert.Contains("Email address confirmed", page, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task The_api_resend_sends_a_link_to_the_confirmation_page_too()
    {
        using var client = factory.CreateClient();
        var email = AccountClients.NewEmail();
        await client.PostAsync("/api/v1/auth/register", Json.Body(new { email, password = TestUsers.Password }));
        var resent = await client.PostAsync("/api/v1/auth/resendConfirmationEmail", Json.Body(new { email }));
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);

        var messages = await factory.MessagesToAsync(email);
        Assert.Equal(2, messages.Count);
        var link = messages[^1].LinkTo("/accounts/confirm-email");
        Assert.Contains("Email address confirmed", await client.GetStringAsync(link.PathAndQuery), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_email_address_set_through_the_api_takes_effect_when_its_link_is_opened()
    {
        var user = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(user);
        var newEmail = AccountClients.NewEmail();
        var changed = await client.PostAsync("/api/v1/auth/manage/info", Json.Body(new { newEmail }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var link = (await factory.LastMessageToAsync(newEmail)).LinkTo("/accounts/confirm-email");
        using var browser = factory.CreateBrowser();
        Assert.Contains("Email address confirmed", await browser.GetStringAsync(link.PathAndQuery), StringComparison.Ordinal);

        var login = await browser.PostAsync("/api/v1/auth/login", Json.Body(new { email = newEmail, password = user.Password }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_a_problem_saying_the_body_is_not_json()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent("{\"email\": \"a@example.eu\", ", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/auth/register", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid JSON", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_are_each_listed_in_the_problem()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/auth/register", Json.Body(new { }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Oversized_fields_are_listed_and_nothing_is_stored()
    {
        using var client = factory.CreateClient();
        var email = new string('a', 300) + "@example.eu";
        var response = await client.PostAsync("/api/v1/auth/register",
            Json.Body(new { email, password = TestUsers.Password, displayName = new string('n', 101), preferredLanguage = "xx" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.True(errors.TryGetProperty("preferredLanguage", out _));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_weak_password_is_reported_on_the_password_field()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/auth/register", Json.Body(new { email = AccountClients.NewEmail(), password = "short" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await Json.ReadAsync(response)).GetProperty("errors").GetProperty("password").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("10 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_email_is_reported_on_the_email_field()
    {
        var existing = await factory.CreateUserAsync();
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/auth/register", Json.Body(new { email = existing.Email.ToUpperInvariant(), password = TestUsers.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task The_api_description_lists_one_register_operation()
    {
        using var client = factory.CreateClient();
        var document = await Json.ReadAsync(await client.GetAsync("/openapi/v1.json"));
        var register = document.GetProperty("paths").GetProperty("/api/v1/auth/register").GetProperty("post");
        Assert.Equal("Register", register.GetProperty("operationId").GetString());
    }
}
