using Microsoft.Extensions.DependencyInjection;
using Waypoint.Features.Toolbox;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Toolbox;

public sealed class ToolboxCatalogTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task Other_features_get_name_summary_and_address_of_the_keys_they_ask_for_in_that_order()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ToolboxCatalog>();

        var links = await catalog.FindAsync(["ai-act", "no-such-key", "mims-plus"], "fr");

        Assert.Equal(["ai-act", "mims-plus"], links.Select(l => l.Key));
        Assert.Equal("Règlement sur l'intelligence artificielle", links[0].Name); // the French text of content/toolbox/translations/fr.yaml
        Assert.Equal("https://eur-lex.europa.eu/eli/reg/2024/1689/oj", links[0].Url);
        Assert.NotEmpty(links[1].Summary);
        var english = await catalog.FindAsync(["ai-act"], "en");
        Assert.Equal("Artificial Intelligence Act", Assert.Single(english).Name);
    }
}
