using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Data;
using Waypoint.Data.Accounts;
using Waypoint.Features.Toolbox;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Toolbox;

public sealed class ToolboxSeederTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private async Task SeedAgainAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetServices<IDatabaseSeeder>().OfType<ToolboxSeeder>().Single();
        await seeder.SeedAsync(scope.ServiceProvider.GetRequiredService<WaypointDbContext>(), CancellationToken.None);
    }

    [Fact]
    public async Task The_start_loads_every_shipped_entry_and_loading_again_changes_nothing()
    {
        var shipped = factory.Services.GetRequiredService<ShippedToolbox>().Entries;
        var before = await factory.WithDbAsync(db => db.ToolboxEntries.AsNoTracking().ToDictionaryAsync(e => e.Key, e => (e.Version, e.CatalogueHash)));
        Assert.True(shipped.All(s => before.ContainsKey(s.Key)));

        await SeedAgainAsync();

        var after = await factory.WithDbAsync(db => db.ToolboxEntries.AsNoTracking().ToDictionaryAsync(e => e.Key, e => (e.Version, e.CatalogueHash)));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task An_entry_an_editor_changed_is_not_overwritten_by_the_shipped_file()
    {
        var editor = await factory.CreateUserAsync(null, PlatformRoles.Editor);
        using var api = await factory.CreateApiClientAsync(editor);
        var version = (await api.JsonAsync("/api/v1/toolbox/enoll")).GetProperty("version").GetInt32();
        var change = ToolboxRequests.ValidEntry("enoll").With("name", "ENoLL, edited by an editor").With("version", version);
        (await api.PutAsJsonAsync("/api/v1/toolbox/enoll", change)).EnsureSuccessStatusCode();
        // As if the shipped file had changed since it was loaded.
        await factory.WithDbAsync(db => db.ToolboxEntries.Where(e => e.Key == "enoll").ExecuteUpdateAsync(s => s.SetProperty(e => e.CatalogueHash, "stale")));

        await SeedAgainAsync();

        Assert.Equal("ENoLL, edited by an editor", await factory.WithDbAsync(db => db.ToolboxEntries.Where(e => e.Key == "enoll").Select(e => e.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_entry_nobody_edited_follows_the_shipped_file_when_it_changes()
    {
        await factory.WithDbAsync(db => db.ToolboxEntries.Where(e => e.Key == "errin")
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, "An older name").SetProperty(e => e.CatalogueHash, "older")));

        await SeedAgainAsync();

        var errin = await factory.WithDbAsync(db => db.ToolboxEntries.AsNoTracking().SingleAsync(e => e.Key == "errin"));
        Assert.Equal("European Regions Research and Innovation Network (ERRIN)", errin.Name);
        Assert.Null(errin.EditedAt);
    }
}
