using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Toolbox;

public sealed class ToolboxApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_search_without_accents_finds_an_entry_whose_name_has_them()
    {
        using var client = factory.CreateClient();
        var list = await client.JsonAsync("/api/v1/toolbox?q=interoperabilite");
        Assert.Contains("referentiel-general-interoperabilite", list.Keys());
        var capitals = await client.JsonAsync("/api/v1/toolbox?q=R%C3%89F%C3%89RENTIEL%20g%C3%A9n%C3%A9ral");
        Assert.Equal(["referentiel-general-interoperabilite"], capitals.Keys());
    }

    [Fact]
    public async Task Every_word_of_a_search_must_match()
    {
        using var client = factory.CreateClient();
        Assert.Contains("local-digital-twins-toolbox", (await client.JsonAsync("/api/v1/toolbox?q=digital%20twins")).Keys());
        Assert.Empty((await client.JsonAsync("/api/v1/toolbox?q=digital%20xyzzy")).Keys());
    }

    [Fact]
    public async Task The_filters_keep_only_entries_of_that_type_topic_level_language_and_cost()
    {
        using var client = factory.CreateClient();

        var funding = await client.JsonAsync("/api/v1/toolbox?type=funding");
        Assert.Contains("digital-europe-programme", funding.Keys());
        Assert.All(funding.GetProperty("items").EnumerateArray(), i => Assert.Equal("funding", i.GetProperty("type").GetString()));

        var advancedInteroperability = await client.JsonAsync("/api/v1/toolbox?topic=interoperability&level=5");
        Assert.Contains("ngsi-ld", advancedInteroperability.Keys());
        Assert.DoesNotContain("european-interoperability-framework", advancedInteroperability.Keys()); // levels 1-3 only
        Assert.All(advancedInteroperability.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Contains("interoperability", i.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
            Assert.Contains(5, i.GetProperty("levels").EnumerateArray().Select(l => l.GetInt32()));
        });

        var german = await client.JsonAsync("/api/v1/toolbox?lang=de");
        Assert.Contains("ai-campus", german.Keys());
        Assert.DoesNotContain("mims-plus", german.Keys());

        var paid = await client.JsonAsync("/api/v1/toolbox?cost=paid");
        Assert.Contains("eurocities", paid.Keys());
        Assert.All(paid.GetProperty("items").EnumerateArray(), i => Assert.Equal("paid", i.GetProperty("cost").GetString()));
    }

    [Fact]
    public async Task Results_come_twenty_to_a_page_with_the_total()
    {
        using var client = factory.CreateClient();
        var first = await client.JsonAsync("/api/v1/toolbox");
        var second = await client.JsonAsync("/api/v1/toolbox?page=2");
        Assert.True(first.GetProperty("total").GetInt32() >= 40);
        Assert.Equal(20, first.Keys().Count);
        Assert.Empty(first.Keys().Intersect(second.Keys()));
    }

    [Theory]
    [InlineData("type=recipe", "type")]
    [InlineData("topic=cooking", "topic")]
    [InlineData("level=6", "level")]
    [InlineData("lang=xx", "lang")]
    [InlineData("cost=cheap", "cost")]
    [InlineData("page=0", "page")]
    public async Task A_filter_that_means_nothing_is_refused_with_what_to_fix(string query, string field)
    {
        using var client = factory.CreateClient();
        var problem = await (await client.GetAsync("/api/v1/toolbox?" + query)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task One_entry_is_read_by_its_key_and_an_unknown_key_is_not_found()
    {
        using var client = factory.CreateClient();
        var entry = await client.JsonAsync("/api/v1/toolbox/mims-plus");
        Assert.Equal("MIMs Plus", entry.GetProperty("entry").GetProperty("name").GetString());
        Assert.StartsWith("https://", entry.GetProperty("entry").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.True(entry.GetProperty("version").GetInt32() >= 1);

        var problem = await (await client.GetAsync("/api/v1/toolbox/no-such-thing")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no-such-thing", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_adds_an_entry_that_everyone_can_then_find()
    {
        var editor = await factory.CreateUserAsync(null, PlatformRoles.Editor);
        using var api = await factory.CreateApiClientAsync(editor);
        var entry = ToolboxRequests.ValidEntry();

        var response = await api.PostAsJsonAsync("/api/v1/toolbox", entry);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/toolbox/{entry["key"]}", response.Headers.Location?.ToString());
        using var anonymous = factory.CreateClient();
        Assert.Contains((string)entry["key"]!, (await anonymous.JsonAsync("/api/v1/toolbox?q=guide%20interoperabilite%20locale")).Keys());
    }

    [Fact]
    public async Task Texts_come_in_the_language_asked_for_and_in_English_where_not_translated()
    {
        var editor = await factory.CreateUserAsync(null, PlatformRoles.Editor);
        using var api = await factory.CreateApiClientAsync(editor);
        var entry = ToolboxRequests.ValidEntry().With("translations", new Dictionary<string, object>
        {
            ["fr"] = new { name = "Guide local", summary = "Un guide écrit pour les tests." },
        });
        (await api.PostAsJsonAsync("/api/v1/toolbox", entry)).EnsureSuccessStatusCode();
        var key = (string)entry["key"]!;

        using var client = factory.CreateClient();
        var french = await client.JsonAsync($"/api/v1/toolbox/{key}?lang=fr");
        Assert.Equal("Guide local", french.GetProperty("entry").GetProperty("name").GetString());
        Assert.Equal("fr", french.GetProperty("language").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/toolbox?q=guide%20local");
        request.Headers.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        var list = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Guide local");

        var german = await client.JsonAsync($"/api/v1/toolbox/{key}?lang=de");
        Assert.Equal("Guide de l'Interopérabilité locale", german.GetProperty("entry").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Only_editors_may_add_or_change_entries_and_nothing_changes_for_others()
    {
        var member = await factory.CreateUserAsync();
        var coordinator = await factory.CreateUserAsync(null, PlatformRoles.Coordinator);
        using var anonymous = factory.CreateClient();
        using var memberApi = await factory.CreateApiClientAsync(member);
        using var coordinatorApi = await factory.CreateApiClientAsync(coordinator);
        var before = await factory.CountEntriesAsync();
        var version = (await anonymous.JsonAsync("/api/v1/toolbox/fiware")).GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/toolbox", ToolboxRequests.ValidEntry())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberApi.PostAsJsonAsync("/api/v1/toolbox", ToolboxRequests.ValidEntry())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinatorApi.PostAsJsonAsync("/api/v1/toolbox", ToolboxRequests.ValidEntry())).StatusCode);
        var change = ToolboxRequests.ValidEntry("fiware").With("name", "Taken over").With("version", version);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberApi.PutAsJsonAsync("/api/v1/toolbox/fiware", change)).StatusCode);

        Assert.Equal(before, await factory.CountEntriesAsync());
        var fiware = await anonymous.JsonAsync("/api/v1/toolbox/fiware");
        Assert.Equal("FIWARE", fiware.GetProperty("entry").GetProperty("name").GetString());
        Assert.Equal(version, fiware.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("url", "javascript:alert(1)")]
    [InlineData("url", "ftp://example.eu/file")]
    [InlineData("url", "example.eu/no-scheme")]
    [InlineData("url", "https://exa mple.eu/")]
    [InlineData("summary", "<script>alert('x')</script> A summary.")]
    [InlineData("name", "A <b>bold</b> name")]
    [InlineData("publisher", "Publisher &lt;img&gt;")]
    [InlineData("key", "Not A Slug")]
    [InlineData("key", "new")]
    [InlineData("type", "recipe")]
    [InlineData("cost", "cheap")]
    public async Task Bad_input_is_refused_with_problem_details_and_nothing_is_stored(string field, string value)
    {
        var editor = await factory.CreateUserAsync(null, PlatformRoles.Editor);
        using var api = await factory.CreateApiClientAsync(editor);
        var before = await factory.CountEntriesAsync();

        var response = await api.PostAsJsonAsync("/api/v1/toolbox", ToolboxRequests.ValidEntry().With(field, value));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(before, await factory.CountEntriesAsync());
    }

    [Fact]
    public async Task Oversized_texts_unknown_topics_levels_and_languages_are_each_named_in_the_problem()
    {
        var editor = await factory.CreateUserAsync(null, PlatformRoles.Editor);
        using var api = await factory.CreateApiClientAsync(editor);
        var before = await factory.CountEntriesAsync();
        var entry = ToolboxRequests.ValidEntry()
            .With("name", new string('n', 201))
            .With("summary", new string('s', 1201))
            .With("topics", new[] { "cooking" })
            .With("levels", new[] { 0, 6 })
            .With("languages", new[] { "xx" })
            .With("translations", new Dictionary<string, object> { ["de"] = new { name = "<i>Name</i>" } });

        var problem = await (await api.PostAsJsonAsync("/api/v1/toolbox", entry)).ProblemAsync(HttpStatusCode.BadRequest);

        foreach (var field in new[] { "name", "summary", "topics", "levels", "languages", "translations.de.name" })
            Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(before, await factory.CountEntriesAsync());
    }

    [Fact]
    public async Task A_key_already_used_is_refused()
    {
        var editor = await factory.CreateUserAsync(null, PlatformRoles.Editor);
        using var api = await factory.CreateApiClientAsync(editor);
        var problem = await (await api.PostAsJsonAsync("/api/v1/toolbox", ToolboxRequests.ValidEntry("ai-act"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ai-act", problem.FieldErrors("key")[0], StringComparison.Ordinal);
        Assert.Equal("Artificial Intelligence Act", (await api.JsonAsync("/api/v1/toolbox/ai-act")).GetProperty("entry").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_editor_changes_an_entry_and_a_change_made_on_an_older_version_is_refused()
    {
        var editor = await factory.CreateUserAsync(null, PlatformRoles.Editor);
        using var api = await factory.CreateApiClientAsync(editor);
        var entry = ToolboxRequests.ValidEntry();
        var key = (string)entry["key"]!;
        var created = await (await api.PostAsJsonAsync("/api/v1/toolbox", entry)).Content.ReadFromJsonAsync<JsonElement>();
        var version = created.GetProperty("version").GetInt32();

        var first = await api.PutAsJsonAsync($"/api/v1/toolbox/{key}", ToolboxRequests.ValidEntry(key).With("name", "First change").With("version", version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/toolbox/{key}", ToolboxRequests.ValidEntry(key).With("name", "Second change").With("version", version));

        await stale.ProblemAsync(HttpStatusCode.Conflict);
        var stored = await api.JsonAsync($"/api/v1/toolbox/{key}");
        Assert.Equal("First change", stored.GetProperty("entry").GetProperty("name").GetString());
        Assert.Equal(version + 1, stored.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_change_without_a_version_or_to_an_unknown_key_is_refused()
    {
        var editor = await factory.CreateUserAsync(null, PlatformRoles.Editor);
        using var api = await factory.CreateApiClientAsync(editor);
        var problem = await (await api.PutAsJsonAsync("/api/v1/toolbox/oasc", ToolboxRequests.ValidEntry("oasc"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("version"));
        await (await api.PutAsJsonAsync("/api/v1/toolbox/no-such-entry", ToolboxRequests.ValidEntry("no-such-entry").With("version", 1)))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Open & Agile Smart Cities (OASC)", await factory.WithDbAsync(db => db.ToolboxEntries.Where(e => e.Key == "oasc").Select(e => e.Name).SingleAsync()));
    }
}
