using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.BrowserTests.Infrastructure;

/// <summary>
/// The whole application on Kestrel, listening on 127.0.0.1 on a free port, on its own copy of the test database
/// (see <see cref="TestDatabase"/>: SQLite unless <c>WAYPOINT_TEST_PROVIDER=Postgres</c>). A browser needs a real
/// socket, which the in-memory test server does not have. Use it as a class fixture; every helper of
/// <see cref="WaypointFactory"/> (test users, the database) works on it too.
/// </summary>
public sealed class WaypointServer : WaypointFactory
{
    public WaypointServer() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the server listens, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri RootUri { get; private set; } = new("http://127.0.0.1/");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.SingleOrDefault()
            ?? throw new InvalidOperationException($"Expected one address to listen on, found {addresses.Count}.");
        RootUri = new Uri(address.TrimEnd('/') + "/");
    }
}
