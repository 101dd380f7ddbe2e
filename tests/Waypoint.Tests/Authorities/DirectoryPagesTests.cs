using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Authorities;
using Waypoint.Data.Organisations;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Authorities;

public sealed partial class DirectoryPagesTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task The_search_page_renders_its_results_without_JavaScript()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/authorities?q=malmo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var malmo = await factory.WithDbAsync(db => db.Authorities.SingleAsync(a => a.Code == "SE_1280"));
        Assert.Contains($"<a href=\"/authorities/{malmo.Id}\">Malmö</a>", html, StringComparison.Ordinal);
        Assert.Contains("2 authorities found", html, StringComparison.Ordinal);
        Assert.Contains("344,166", html, StringComparison.Ordinal);
        Assert.Contains("value=\"malmo\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_anything_is_asked_the_search_page_shows_the_form_and_no_results()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/authorities");
        Assert.Contains("<form method=\"get\" action=\"/authorities\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"result-prompt\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_filters_by_country_and_type_and_keeps_them_selected()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/authorities?q=berg&country=AT&type=municipality");
        Assert.Contains("<option value=\"AT\" selected=\"selected\">Austria</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"municipality\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Germany</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Austria</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_links_to_the_next_page_of_the_same_search()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/authorities?q=saint&country=FR");
        Assert.Contains("href=\"/authorities?q=saint&amp;country=FR&amp;page=2\" rel=\"next\"", html, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", html, StringComparison.Ordinal);

        var second = await client.GetStringAsync("/authorities?q=saint&country=FR&page=2");
        Assert.Contains("Page 2 of", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_search_input_on_the_page_is_shown_in_an_error_summary_linked_to_the_field()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/authorities?q=x&country=ZZ");
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#search-country\"", html, StringComparison.Ordinal);
        Assert.Contains("is not the code of an EU member state", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_has_no_inline_script_or_style_and_loads_its_enhancement()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/authorities?q=wien");
        Assert.Matches(ScriptSource(), html);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", html, StringComparison.Ordinal);
        var script = await client.GetAsync("/js/authorities.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task An_authority_card_shows_its_type_country_regions_population_and_area_and_offers_to_claim_it()
    {
        using var client = factory.CreateClient();
        var munich = await factory.WithDbAsync(db => db.Authorities.SingleAsync(a => a.Code == "DE_09162000"));
        var html = await client.GetStringAsync($"/authorities/{munich.Id}");
        Assert.Contains("<h1>München, Landeshauptstadt</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Municipality", html, StringComparison.Ordinal);
        Assert.Contains("Germany", html, StringComparison.Ordinal);
        Assert.Contains("Oberbayern", html, StringComparison.Ordinal);
        Assert.Contains("Bayern", html, StringComparison.Ordinal);
        Assert.Contains("1,484,226", html, StringComparison.Ordinal);
        Assert.Contains("311.41 km²", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organisations/claim?authorityId={munich.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Claim this authority", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_population_is_shown_as_unknown()
    {
        using var client = factory.CreateClient();
        var troodos = await factory.WithDbAsync(db => db.Authorities.SingleAsync(a => a.Code == "CY_5356"));
        var html = await client.GetStringAsync($"/authorities/{troodos.Id}");
        Assert.Matches(UnknownPopulation(), html);
    }

    [Fact]
    public async Task An_authority_that_has_an_organisation_cannot_be_claimed_again()
    {
        var authority = await factory.WithDbAsync(async db =>
        {
            var wien = await db.Authorities.SingleAsync(a => a.Code == "AT_90001");
            db.Organisations.Add(new Organisation { Id = Guid.NewGuid(), AuthorityId = wien.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return wien;
        });
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync($"/authorities/{authority.Id}");
        Assert.Contains("This authority already has an organisation on Waypoint", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/organisations/claim", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_card_of_an_unknown_or_proposed_authority_is_not_found()
    {
        var proposed = await factory.WithDbAsync(async db =>
        {
            var body = SearchApiTests.Body("Quuxhaven Port Agency", AuthorityStatus.Proposed);
            db.Authorities.Add(body);
            await db.SaveChangesAsync();
            return body.Id;
        });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/authorities/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/authorities/{proposed}")).StatusCode);
    }

    [GeneratedRegex("<script src=\"/js/authorities\\.js")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex("<dt>Population</dt>\\s*<dd>unknown</dd>")]
    private static partial Regex UnknownPopulation();
}
