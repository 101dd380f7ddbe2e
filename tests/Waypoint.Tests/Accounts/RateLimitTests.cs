using System.Net;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

/// <summary>An application whose sign-in endpoints allow 3 attempts a minute.</summary>
public sealed class StrictRateLimitFactory : WaypointFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "3" };
}

public sealed class RateLimitTests(StrictRateLimitFactory factory) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_with_problem_details_and_pages_get_the_error_page()
    {
        using var client = factory.CreateBrowser();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var response = await client.PostAsync("/api/v1/auth/login", Json.Body(new { email = "nobody@example.eu", password = "wrong-password-1" }));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var limited = await client.PostAsync("/api/v1/auth/login", Json.Body(new { email = "nobody@example.eu", password = "wrong-password-1" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Too many attempts", (await Json.ReadAsync(limited)).GetProperty("title").GetString());
        Assert.NotNull(limited.Headers.RetryAfter);

        // Showing the form is not an attempt; posting it is, and is refused with an HTML page.
        var page = await new FormPoster(client).SubmitAsync("/accounts/signin", ("Input.Email", "nobody@example.eu"), ("Input.Password", "wrong-password-1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
