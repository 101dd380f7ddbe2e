using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Data.Accounts;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

public sealed class AdminUsersTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task The_users_api_is_forbidden_to_people_who_are_not_admins()
    {
        var editor = await factory.CreateUserAsync(roles: PlatformRoles.Editor);
        using var client = await factory.CreateApiClientAsync(editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/users?q=example")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync($"/api/v1/admin/users/{editor.Id}/roles", Json.Body(new { roles = new[] { "admin" } }))).StatusCode);
        Assert.False(await IsInRoleAsync(editor.Id, PlatformRoles.Admin));

        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/admin/users")).StatusCode);
    }

    [Fact]
    public async Task The_users_page_sends_people_who_are_not_admins_to_the_denied_page()
    {
        var user = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(user);
        var response = await browser.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/accounts/denied", response.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_finds_a_person_by_email_and_grants_editor_on_the_page()
    {
        var admin = await factory.CreateUserAsync(roles: PlatformRoles.Admin);
        var person = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(admin);

        var query = Uri.EscapeDataString(person.Email[..12].ToUpperInvariant());
        var response = await new FormPoster(browser).SubmitAsync($"/admin/users?q={query}",
            [KeyValuePair.Create<string, string?>("roles", PlatformRoles.Editor)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await IsInRoleAsync(person.Id, PlatformRoles.Editor));
        Assert.False(await IsInRoleAsync(admin.Id, PlatformRoles.Editor));
        Assert.Contains("Roles of " + person.Email + " saved", await browser.GetStringAsync(response.RedirectTarget()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_grants_and_revokes_roles_through_the_api()
    {
        var admin = await factory.CreateUserAsync(roles: PlatformRoles.Admin);
        var person = await factory.CreateUserAsync(roles: PlatformRoles.Coordinator);
        using var client = await factory.CreateApiClientAsync(admin);

        var found = await Json.ReadAsync(await client.GetAsync($"/api/v1/admin/users?q={Uri.EscapeDataString(person.Email)}"));
        Assert.Equal(person.Id, found.EnumerateArray().Single().GetProperty("id").GetString());

        var response = await client.PutAsync($"/api/v1/admin/users/{person.Id}/roles", Json.Body(new { roles = new[] { PlatformRoles.Editor } }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var roles = (await Json.ReadAsync(response)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal([PlatformRoles.Editor], roles);
        Assert.False(await IsInRoleAsync(person.Id, PlatformRoles.Coordinator));
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        var admin = await factory.CreateUserAsync(roles: PlatformRoles.Admin);
        using var client = await factory.CreateApiClientAsync(admin);
        var response = await client.PutAsync($"/api/v1/admin/users/{admin.Id}/roles", Json.Body(new { roles = new[] { PlatformRoles.Editor } }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(await IsInRoleAsync(admin.Id, PlatformRoles.Admin));
        Assert.False(await IsInRoleAsync(admin.Id, PlatformRoles.Editor));
    }

    [Fact]
    public async Task Bad_role_changes_get_problem_details_and_change_nothing()
    {
        var admin = await factory.CreateUserAsync(roles: PlatformRoles.Admin);
        var person = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(admin);

        var unknownRole = await client.PutAsync($"/api/v1/admin/users/{person.Id}/roles", Json.Body(new { roles = new[] { "editor", "superuser" } }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.True((await Json.ReadAsync(unknownRole)).GetProperty("errors").TryGetProperty("roles", out _));
        Assert.False(await IsInRoleAsync(person.Id, PlatformRoles.Editor));

        var noRoles = await client.PutAsync($"/api/v1/admin/users/{person.Id}/roles", Json.Body(new { }));
        Assert.Equal(HttpStatusCode.BadRequest, noRoles.StatusCode);

        var unknownUser = await client.PutAsync($"/api/v1/admin/users/{Guid.NewGuid()}/roles", Json.Body(new { roles = new[] { "editor" } }));
        Assert.Equal(HttpStatusCode.NotFound, unknownUser.StatusCode);
        Assert.Equal("application/problem+json", unknownUser.Content.Headers.ContentType?.MediaType);
    }

    private async Task<bool> IsInRoleAsync(string userId, string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WaypointUser>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(userId))!, role);
    }
}
