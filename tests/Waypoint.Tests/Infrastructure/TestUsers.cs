using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Data.Accounts;

namespace Waypoint.Tests.Infrastructure;

/// <summary>A confirmed account made for a test, and ways to act as it.</summary>
public sealed record TestUser(string Id, string Email, string Password);

public static class TestUsers
{
    public const string Password = "correct-horse-battery-9";

    /// <summary>Creates a confirmed account directly (the registration flow has its own tests), with optional platform roles.</summary>
    public static async Task<TestUser> CreateUserAsync(this WaypointFactory factory, string? email = null, params string[] roles)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.eu";
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WaypointUser>>();
        var user = new WaypointUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(user, Password));
        foreach (var role in roles) Check(await users.AddToRoleAsync(user, role));
        return new TestUser(user.Id, email, Password);
    }

    /// <summary>An HTTP client that sends the user's bearer token, as a script would.</summary>
    public static async Task<HttpClient> CreateApiClientAsync(this WaypointFactory factory, TestUser user)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<AccessTokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>An HTTP client with the user's session cookie, as a browser would have; it does not follow redirects.</summary>
    public static async Task<HttpClient> CreateBrowserClientAsync(this WaypointFactory factory, TestUser user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { email = user.Email, password = user.Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private sealed record AccessTokenBody(string AccessToken);
}
