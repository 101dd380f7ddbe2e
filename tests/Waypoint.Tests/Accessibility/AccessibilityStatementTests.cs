using System.Net;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Accessibility;

public sealed class AccessibilityStatementTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task Anyone_can_read_the_statement_without_signing_in()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/accessibility");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Accessibility statement</h1>", html, StringComparison.Ordinal);
        Assert.Contains("partially compliant with the harmonised European standard EN 301 549", html, StringComparison.Ordinal);
        Assert.Contains("WCAG) 2.1 at level AA", html, StringComparison.Ordinal);
        Assert.Contains("Enforcement procedure", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_contact_feedback_goes_to_the_accessibility_address_of_the_sites_own_host()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/accessibility");

        Assert.Contains("<a href=\"mailto:accessibility@localhost\">accessibility@localhost</a>", html, StringComparison.Ordinal);
        Assert.Contains("The operator of this site wants everyone", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footer_of_every_page_links_to_the_statement_in_the_readers_language()
    {
        using var client = factory.CreateClient();

        Assert.Contains("<a href=\"/accessibility\">Accessibility statement</a>", await client.GetStringAsync("/authorities"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/de/accessibility\">", await client.GetStringAsync("/de/"), StringComparison.Ordinal);
    }
}

/// <summary>An instance whose operator set <c>App:Operator</c> and <c>App:AccessibilityContact</c>.</summary>
public sealed class OperatedInstanceFactory : WaypointFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["App:Operator"] = "Digital Agency of Examplestad",
        ["App:AccessibilityContact"] = "a11y@examplestad.example.eu",
        ["App:PublicUrl"] = "https://waypoint.examplestad.example.eu",
    };
}

public sealed class ConfiguredAccessibilityStatementTests(OperatedInstanceFactory factory) : IClassFixture<OperatedInstanceFactory>
{
    [Fact]
    public async Task The_statement_names_the_configured_operator_contact_and_site()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/accessibility");

        Assert.Contains("Digital Agency of Examplestad wants everyone", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:a11y@examplestad.example.eu\">a11y@examplestad.example.eu</a>", html, StringComparison.Ordinal);
        Assert.Contains("the Waypoint site at https://waypoint.examplestad.example.eu:", html, StringComparison.Ordinal);
    }
}

public sealed class InvalidAccessibilityContactTests
{
    private sealed class InvalidContactFactory : WaypointFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["App:AccessibilityContact"] = "the accessibility team" };
    }

    [Fact]
    public async Task A_contact_that_is_not_an_email_address_stops_the_start()
    {
        await using var factory = new InvalidContactFactory();
        await factory.InitializeAsync();
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("App:AccessibilityContact", error.ToString(), StringComparison.Ordinal);
    }
}
