using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Localization;

/// <summary>Pages write dates and numbers as readers of their language do: German 25.11.2026 and 1.234,5; French
/// 25/11/2026 and 1 234,5 (a narrow no-break space between groups); English as in Ireland, 25/11/2026 and 1,234.5.</summary>
public sealed partial class CultureFormattingTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Theory]
    [InlineData("", "25/11/2026")]
    [InlineData("/de", "25.11.2026")]
    [InlineData("/fr", "25/11/2026")]
    public async Task The_accessibility_statement_dates_are_written_in_the_readers_format(string language, string date)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(language + "/accessibility");

        Assert.Contains(date, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authoritys_population_and_area_use_German_separators_under_de()
    {
        var id = await AuthorityWithFiguresAsync();
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/de/authorities/{id}");

        Assert.Contains("1.234.567", html, StringComparison.Ordinal);
        Assert.Contains("1.234,50 km²", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authoritys_population_and_area_use_French_separators_under_fr()
    {
        var id = await AuthorityWithFiguresAsync();
        using var client = factory.CreateClient();

        // The encoder writes the French group separator as a character reference (&#x202F;).
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/fr/authorities/{id}"));

        Assert.Matches(FrenchPopulation(), html);
        Assert.Matches(FrenchArea(), html);
        Assert.DoesNotContain("1,234,567", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/de", "12.500,5")]
    [InlineData("/fr", "12\u202F500,5")]
    [InlineData("", "12,500.5")]
    public async Task A_number_answer_reads_in_the_readers_number_format(string language, string shown)
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.AdminApi.StartAsync(team.OrganisationId);
        await team.AdminApi.AnswerAsync(assessment.Id, "general.population_served", new { value = 12500.5m, version = 0 });
        // A viewer reads the answers rather than a form with them.
        using var viewer = await factory.CreateBrowserClientAsync(team.Viewer);

        var html = WebUtility.HtmlDecode(await viewer.GetStringAsync($"{language}/assessments/{assessment.Id}/topics/general"));

        Assert.Contains(shown, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_date_a_member_joined_is_written_in_German_under_de()
    {
        var organisation = await factory.CreateOrganisationAsync();
        var joined = new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);
        await factory.WithDbAsync(db => db.OrganisationMemberships
            .Where(m => m.OrganisationId == organisation.OrganisationId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.JoinedAt, joined)));
        using var admin = await factory.CreateBrowserClientAsync(organisation.Admin);

        var html = await admin.GetStringAsync($"/de/organisations/{organisation.OrganisationId}");

        Assert.Contains(">25.11.2026</time>", html, StringComparison.Ordinal);
    }

    private async Task<int> AuthorityWithFiguresAsync()
    {
        var (id, _) = await factory.CreateAuthorityAsync();
        await factory.WithDbAsync(db => db.Authorities.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Population, 1_234_567L).SetProperty(a => a.AreaKm2, 1234.5)));
        return id;
    }

    // French groups digits with a no-break space: narrow (U+202F) in current ICU data, full-width (U+00A0) in older.
    [GeneratedRegex("1[\u202F\u00A0]234[\u202F\u00A0]567")]
    private static partial Regex FrenchPopulation();

    [GeneratedRegex("1[\u202F\u00A0]234,50 km²")]
    private static partial Regex FrenchArea();
}
