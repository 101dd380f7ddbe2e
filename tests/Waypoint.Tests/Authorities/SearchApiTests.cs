using System.Net;
using System.Net.Http.Json;
using Waypoint.Data.Authorities;
using Waypoint.Features.Authorities;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Authorities;

public sealed class SearchApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task Malmo_without_its_accent_finds_Malmo_first()
    {
        using var client = factory.CreateClient();
        var results = await client.SearchAsync("q=malmo");
        var first = results.Items[0];
        Assert.Equal("Malmö", first.Name);
        Assert.Equal("SE", first.Country);
        Assert.Equal("municipality", first.Type);
        var code = await factory.WithDbAsync(db => Task.FromResult(db.Authorities.Single(a => a.Id == first.Id).Code));
        Assert.Equal("SE_1280", code);
    }

    [Fact]
    public async Task Munchen_finds_Munich_first_because_it_is_the_largest_name_starting_with_it()
    {
        using var client = factory.CreateClient();
        var results = await client.SearchAsync("q=munchen");
        Assert.Equal("München, Landeshauptstadt", results.Items[0].Name);
        Assert.Equal(1_484_226, results.Items[0].Population);
    }

    [Fact]
    public async Task Sao_finds_names_written_with_a_tilde()
    {
        using var client = factory.CreateClient();
        var results = await client.SearchAsync("q=sao");
        Assert.True(results.Total > 100);
        Assert.All(results.Items, item => Assert.Contains("sao", SearchText.Fold(item.Name), StringComparison.Ordinal));
        Assert.Contains(results.Items, item => item.Name.StartsWith("São ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_or_two_letters_match_the_start_of_a_name_or_of_a_word_in_it_only()
    {
        using var client = factory.CreateClient();
        var results = await client.SearchAsync("q=Bo&country=DE");
        Assert.True(results.Total > 20);
        Assert.All(results.Items, item =>
        {
            var folded = SearchText.Fold(item.Name);
            Assert.True(folded.StartsWith("bo", StringComparison.Ordinal) || folded.Contains(" bo", StringComparison.Ordinal), item.Name);
        });
    }

    [Fact]
    public async Task Accents_and_capitals_in_the_query_do_not_matter()
    {
        using var client = factory.CreateClient();
        var plain = await client.SearchAsync("q=lodz");
        var accented = await client.SearchAsync("q=" + Uri.EscapeDataString("ŁÓDŹ"));
        Assert.Equal(plain.Total, accented.Total);
        Assert.Equal(plain.Items.Select(i => i.Id), accented.Items.Select(i => i.Id));
        Assert.Contains(plain.Items, i => i.Name == "Łódź");
    }

    [Theory]
    [InlineData("q=berg&country=AT")]
    [InlineData("q=saint")]
    [InlineData("q=ville&country=FR&type=municipality")]
    public async Task Results_are_ranked_exact_then_word_start_then_substring_and_by_population_within_each(string query)
    {
        using var client = factory.CreateClient();
        var text = SearchText.Fold(System.Web.HttpUtility.ParseQueryString(query)["q"]);
        var seen = new List<AuthorityItemBody>();
        var first = await client.SearchAsync(query);
        for (var page = 1; page <= Math.Min(first.Total / 20 + 1, 10); page++)
        {
            seen.AddRange((await client.SearchAsync(query + "&page=" + page)).Items);
        }
        var ranked = seen.Select(i => (Item: i, Rank: Rank(SearchText.Fold(i.Name), text))).ToList();
        for (var i = 1; i < ranked.Count; i++)
        {
            var (before, after) = (ranked[i - 1], ranked[i]);
            Assert.True(before.Rank <= after.Rank, $"{before.Item.Name} (rank {before.Rank}) before {after.Item.Name} (rank {after.Rank})");
            if (before.Rank == after.Rank)
            {
                Assert.True((before.Item.Population ?? -1) >= (after.Item.Population ?? -1), $"{before.Item.Name} before {after.Item.Name}");
            }
        }
        Assert.Equal(seen.Count, seen.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task An_exact_name_comes_before_longer_names_that_start_with_it_and_those_before_names_that_contain_it()
    {
        using var client = factory.CreateClient();
        var results = await client.SearchAsync("q=berg&country=AT");
        var ranks = results.Items.Select(i => Rank(SearchText.Fold(i.Name), "berg")).ToList();
        var all = new List<int>(ranks);
        for (var page = 2; all.Distinct().Count() < 3 && page <= 20; page++)
        {
            all.AddRange((await client.SearchAsync($"q=berg&country=AT&page={page}")).Items.Select(i => Rank(SearchText.Fold(i.Name), "berg")));
        }
        Assert.Equal(0, ranks[0]);
        Assert.Equal([0, 1, 2], all.Distinct().Order());
    }

    [Fact]
    public async Task A_country_filter_keeps_only_that_country_and_GR_means_Greece()
    {
        using var client = factory.CreateClient();
        var swedish = await client.SearchAsync("q=berg&country=se");
        Assert.NotEmpty(swedish.Items);
        Assert.All(swedish.Items, i => Assert.Equal("SE", i.Country));

        var greek = await client.SearchAsync("country=GR&type=memberState");
        Assert.Equal("EL", Assert.Single(greek.Items).Country);
    }

    [Fact]
    public async Task A_type_filter_keeps_only_that_type()
    {
        using var client = factory.CreateClient();
        var regions = await client.SearchAsync("q=bayern&type=region");
        Assert.NotEmpty(regions.Items);
        Assert.All(regions.Items, i => Assert.Equal("region", i.Type));

        var states = await client.SearchAsync("type=memberState");
        Assert.Equal(27, states.Total);
        Assert.Equal(["Germany", "France", "Italy"], states.Items.Take(3).Select(i => i.Name));
    }

    [Fact]
    public async Task Pages_hold_20_results_with_the_total_of_all_matches()
    {
        using var client = factory.CreateClient();
        var first = await client.SearchAsync("q=saint&country=FR");
        var second = await client.SearchAsync("q=saint&country=FR&page=2");
        Assert.Equal(20, first.PageSize);
        Assert.Equal(20, first.Items.Count);
        Assert.Equal(2, second.Page);
        Assert.Equal(first.Total, second.Total);
        Assert.True(first.Total > 1000);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
    }

    [Fact]
    public async Task The_last_page_and_a_page_past_the_end_report_the_same_total()
    {
        using var client = factory.CreateClient();
        var first = await client.SearchAsync("q=malm");
        var last = await client.SearchAsync($"q=malm&page={(first.Total + 19) / 20}");
        var beyond = await client.SearchAsync($"q=malm&page={(first.Total + 19) / 20 + 1}");
        Assert.Equal(first.Total, last.Total);
        Assert.Equal(first.Total, beyond.Total);
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task Proposed_and_rejected_bodies_never_appear_in_search()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Authorities.AddRange(
                Body("Quuxville Proposed Water Agency", AuthorityStatus.Proposed),
                Body("Quuxville Rejected Water Agency", AuthorityStatus.Rejected));
            await db.SaveChangesAsync();
        });
        using var client = factory.CreateClient();
        Assert.Equal(0, (await client.SearchAsync("q=quuxville")).Total);
        Assert.Equal(0, (await client.SearchAsync("q=quuxville&type=otherPublicBody")).Total);
    }

    [Fact]
    public async Task An_authority_is_read_with_its_chain_of_regions_up_to_the_member_state()
    {
        using var client = factory.CreateClient();
        var munich = (await client.SearchAsync("q=munchen")).Items[0];
        var details = (await client.GetFromJsonAsync<AuthorityDetailsBody>($"/api/v1/authorities/{munich.Id}"))!;
        Assert.Equal("DE_09162000", details.Code);
        Assert.Equal(["DE212", "DE21", "DE2", "DE"], details.Parents.Select(p => p.NutsCode));
        Assert.Equal(["region", "region", "region", "memberState"], details.Parents.Select(p => p.Type));
        Assert.Equal(details.Parents[0].Id, details.ParentId);
        Assert.Equal(311.41, details.AreaKm2);
    }

    [Theory]
    [InlineData("q=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "q")]
    [InlineData("country=XX", "country")]
    [InlineData("country=GB", "country")]
    [InlineData("type=city", "type")]
    [InlineData("type=2", "type")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("page=501", "page")]
    [InlineData("page=99999999999999", "page")]
    public async Task Bad_search_input_is_answered_with_a_problem_naming_the_field(string query, string field)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/api/v1/authorities?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>())!;
        var message = Assert.Single(Assert.Contains(field, problem.Errors!));
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public async Task A_query_of_100_characters_is_accepted()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/api/v1/authorities?q=" + new string('a', 100));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/authorities/999999999")]
    [InlineData("/api/v1/authorities/0")]
    public async Task An_unknown_authority_is_a_404_problem(string path)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_proposed_body_cannot_be_read_by_id()
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var body = Body("Quuxtown Hidden Agency", AuthorityStatus.Proposed);
            db.Authorities.Add(body);
            await db.SaveChangesAsync();
            return body.Id;
        });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/authorities/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_authority_types()
    {
        using var client = factory.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"memberState\"", document, StringComparison.Ordinal);
        Assert.Contains("\"otherPublicBody\"", document, StringComparison.Ordinal);
        Assert.Contains("\"interMunicipalAssociation\"", document, StringComparison.Ordinal);
        Assert.Contains("\"EL\"", document, StringComparison.Ordinal);
    }

    internal static Authority Body(string name, AuthorityStatus status) => new()
    {
        Code = "OPB-TEST-" + Guid.NewGuid().ToString("N")[..12],
        Type = AuthorityType.OtherPublicBody,
        Name = name,
        SearchName = SearchText.Fold(name),
        CountryCode = "BE",
        Status = status,
        OtherBodyKind = OtherBodyKind.Agency,
    };

    /// <summary>0 exact, 1 starts with the text or has a word that does, 2 contains it elsewhere.</summary>
    private static int Rank(string folded, string text) =>
        folded == text ? 0 : folded.StartsWith(text, StringComparison.Ordinal) || folded.Contains(" " + text, StringComparison.Ordinal) ? 1 : 2;
}
