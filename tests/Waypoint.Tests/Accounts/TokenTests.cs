using System.Net;
using Waypoint.Data.Accounts;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

public sealed class TokenTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_confirmed_user_gets_a_bearer_token_that_reads_their_account()
    {
        var user = await factory.CreateUserAsync(roles: PlatformRoles.Editor);
        using var client = await factory.CreateApiClientAsync(user);
        var response = await client.GetAsync("/api/v1/auth/manage/info");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(user.Email, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_account_endpoint_answers_401()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/api/v1/auth/manage/info");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
