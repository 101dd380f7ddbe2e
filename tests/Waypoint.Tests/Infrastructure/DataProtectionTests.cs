using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Waypoint.Tests.Infrastructure;

public sealed class DataProtectionTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task The_keys_that_protect_session_cookies_are_kept_in_the_database_where_every_web_node_reads_them()
    {
        var user = await factory.CreateUserAsync();
        using var _ = await factory.CreateBrowserClientAsync(user);

        var keysInUse = factory.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId.ToString()).ToList();
        var storedXml = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync());

        Assert.NotEmpty(keysInUse);
        Assert.All(keysInUse, id => Assert.Contains(storedXml, xml => xml.Contains(id, StringComparison.OrdinalIgnoreCase)));
    }
}
