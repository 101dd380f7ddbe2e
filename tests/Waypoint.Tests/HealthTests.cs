using System.Net;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests;

public sealed class HealthTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task Health_is_healthy_when_the_database_answers()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
