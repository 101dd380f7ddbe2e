using System.Net;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Proofreading;

public sealed class SuggestionValidationTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_wording_that_drops_a_placeholder_is_refused_with_a_problem_naming_it_and_nothing_is_stored()
    {
        var member = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(member);

        var problem = await (await client.SuggestAsync("de", "{0} of {1}", "{0} von allen")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("{1}", problem.FieldErrors("text")[0], StringComparison.Ordinal);
        Assert.Equal(0, await factory.SuggestionCountAsync(member.Id));
    }

    [Fact]
    public async Task A_wording_with_an_extra_or_broken_placeholder_is_refused()
    {
        using var client = await factory.CreateApiClientAsync(await factory.CreateUserAsync());

        var extra = await (await client.SuggestAsync("de", "Find your authority", "Ihre Behörde {0} finden")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("{0}", extra.FieldErrors("text")[0], StringComparison.Ordinal);
        var broken = await (await client.SuggestAsync("de", "{0} of {1}", "{0} von {1} {")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("braces", broken.FieldErrors("text")[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ihre <b>Behörde</b> finden")]
    [InlineData("Ihre Behörde finden<script>alert(1)</script>")]
    [InlineData("Ihre Beh&ouml;rde finden")]
    public async Task A_wording_with_markup_is_refused_with_a_clear_error(string text)
    {
        var member = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(member);

        var problem = await (await client.SuggestAsync("de", "Find your authority", text)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("plain text", problem.FieldErrors("text")[0], StringComparison.Ordinal);
        Assert.Equal(0, await factory.SuggestionCountAsync(member.Id));
    }

    [Fact]
    public async Task An_oversized_wording_is_refused_with_the_maximum_length()
    {
        var member = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(member);

        // "Directory" has 9 characters: a wording may have 3 × 9 + 100 = 127.
        var problem = await (await client.SuggestAsync("de", "Directory", new string('x', 128))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("127", problem.FieldErrors("text")[0], StringComparison.Ordinal);
        Assert.Equal(0, await factory.SuggestionCountAsync(member.Id));
    }

    [Fact]
    public async Task A_wording_is_trimmed_and_the_current_wording_is_not_a_suggestion()
    {
        var member = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(member);

        var same = await (await client.SuggestAsync("de", "Directory", "  Verzeichnis ")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already the current wording", same.FieldErrors("text")[0], StringComparison.Ordinal);

        await client.SuggestOkAsync("de", "Directory", "  Verzeichnis der Behörden\n");
        var stored = await factory.WithDbAsync(db => Task.FromResult(db.WordingSuggestions.Single(s => s.AuthorId == member.Id)));
        Assert.Equal("Verzeichnis der Behörden", stored.Text);
        Assert.Equal("Verzeichnis", stored.PreviousText);
    }

    [Fact]
    public async Task English_and_unknown_strings_cannot_get_suggestions()
    {
        using var client = await factory.CreateApiClientAsync(await factory.CreateUserAsync());

        var english = await (await client.SuggestAsync("en", "Directory", "Register")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(english.FieldErrors("language"));
        var unknown = await (await client.SuggestAsync("de", "A text Waypoint never shows", "Irgendwas")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(unknown.FieldErrors("key"));
        var elsewhere = await (await client.SuggestAsync("de", "Directory", "Behördenverzeichnis", page: "https://example.eu/")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(elsewhere.FieldErrors("page"));
    }

    [Fact]
    public async Task Only_signed_in_members_may_suggest()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.SuggestAsync("de", "Directory", "Behördenverzeichnis");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
