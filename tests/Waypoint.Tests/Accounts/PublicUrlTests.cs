using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accounts;

public sealed class PublicUrlFactory : WaypointFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["App:PublicUrl"] = "https://waypoint.example.eu/" };
}

public sealed class PublicUrlTests(PublicUrlFactory factory) : IClassFixture<PublicUrlFactory>
{
    [Fact]
    public async Task Email_links_use_the_configured_public_address_rather_than_the_request_host()
    {
        using var client = factory.CreateClient();
        var email = AccountClients.NewEmail();
        await client.PostAsync("/api/v1/auth/register", Json.Body(new { email, password = TestUsers.Password }));

        var link = (await factory.LastMessageToAsync(email)).LinkTo("/accounts/confirm-email");
        Assert.Equal("https://waypoint.example.eu/accounts/confirm-email", link.GetLeftPart(UriPartial.Path));
    }
}

public sealed class InvalidPublicUrlTests
{
    private sealed class InvalidPublicUrlFactory : WaypointFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["App:PublicUrl"] = "waypoint.example.eu" };
    }

    [Fact]
    public async Task A_public_address_that_is_not_an_absolute_url_stops_the_start()
    {
        await using var factory = new InvalidPublicUrlFactory();
        await factory.InitializeAsync();
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("App:PublicUrl", error.ToString(), StringComparison.Ordinal);
    }
}
