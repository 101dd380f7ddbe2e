using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Toolbox;

public sealed partial class ToolboxPagesTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task The_catalogue_page_searches_without_accents_and_keeps_the_filters_selected()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/toolbox?q=interoperabilite&type=standard&topic=interoperability&level=3&language=fr&cost=free");
        Assert.Contains("<a href=\"/toolbox/referentiel-general-interoperabilite\">Référentiel Général d&#x27;Interopérabilité (RGI)</a>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"standard\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"interoperability\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"3\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"fr\" lang=\"fr\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"free\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/toolbox/mims-plus\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_result_links_to_its_official_page_as_a_plain_link_that_opens_no_window_reference()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/toolbox?q=mims");
        Assert.Contains("<a href=\"https://mims.oascities.org/\" rel=\"noopener\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_page_lists_twenty_entries_and_links_to_the_next_page_of_the_same_search()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/toolbox?cost=free");
        Assert.Equal(20, EntryHeading().Matches(html).Count);
        Assert.Contains("href=\"/toolbox?cost=free&amp;page=2\" rel=\"next\"", html, StringComparison.Ordinal);
        var second = await client.GetStringAsync("/toolbox?cost=free&page=2");
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_that_means_nothing_is_shown_in_an_error_summary_linked_to_its_field()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/toolbox?level=9&language=xx");
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#search-level\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#search-language\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_page_shows_the_entry_and_an_unknown_key_is_not_found()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/toolbox/ai-campus");
        Assert.Contains("<h1>AI Campus (KI-Campus)</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://ki-campus.org/\" rel=\"noopener\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/toolbox/ai-campus/edit", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/toolbox/no-such-entry")).StatusCode);
    }

    [Fact]
    public async Task The_editor_pages_are_refused_to_visitors_and_to_members_who_are_not_editors()
    {
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var member = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());
        foreach (var path in new[] { "/toolbox/new", "/toolbox/fiware/edit" })
        {
            var visitor = await anonymous.GetAsync(path);
            Assert.True(visitor.StatusCode == HttpStatusCode.Unauthorized || visitor.Headers.Location?.ToString().Contains("/accounts/signin", StringComparison.Ordinal) == true,
                $"{path}: {visitor.StatusCode} {visitor.Headers.Location}");
            var refused = await member.GetAsync(path);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.ToString().Contains("/accounts/denied", StringComparison.Ordinal) == true,
                $"{path}: {refused.StatusCode} {refused.Headers.Location}");
        }
    }

    [Fact]
    public async Task An_editor_changes_an_entry_and_its_French_name_through_the_form()
    {
        var editor = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(null, PlatformRoles.Editor));
        var form = new FormPoster(editor);

        var response = await form.SubmitAsync("/toolbox/errin/edit",
            ("Input.Publisher", "ERRIN, Brussels"), ("Input.TranslatedNames[fr]", "Réseau européen des régions pour la recherche et l'innovation"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/toolbox/errin", response.Headers.Location?.ToString());
        var entry = await factory.WithDbAsync(db => db.ToolboxEntries.Include(e => e.Translations).AsNoTracking().SingleAsync(e => e.Key == "errin"));
        Assert.Equal("ERRIN, Brussels", entry.Publisher);
        Assert.NotNull(entry.EditedAt);
        Assert.Equal("Réseau européen des régions pour la recherche et l'innovation", entry.Translations.Single(t => t.Language == "fr").Name);
        var page = await editor.GetStringAsync("/toolbox/errin");
        Assert.Contains("The entry is saved.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_the_form_is_refused_in_an_error_summary_and_nothing_changes()
    {
        var editor = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(null, PlatformRoles.Editor));
        var form = new FormPoster(editor);

        var response = await form.SubmitAsync("/toolbox/eurocities/edit",
            ("Input.Summary", "<script>alert(1)</script>"), ("Input.Url", "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Url\"", html, StringComparison.Ordinal);
        var entry = await factory.WithDbAsync(db => db.ToolboxEntries.AsNoTracking().SingleAsync(e => e.Key == "eurocities"));
        Assert.Equal("https://eurocities.eu/", entry.Url);
        Assert.Null(entry.EditedAt);
    }

    [Fact]
    public async Task A_form_opened_before_someone_else_saved_is_refused_and_shows_what_is_stored_now()
    {
        var editor = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(null, PlatformRoles.Editor));
        using var stalePage = await editor.GetAsync("/toolbox/digcomp/edit");
        var staleForm = await FormPoster.ParseAsync(stalePage);
        var form = new FormPoster(editor);
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync("/toolbox/digcomp/edit", ("Input.Publisher", "First editor"))).StatusCode);

        var late = await form.SubmitAsync(staleForm, "/toolbox/digcomp/edit", [KeyValuePair.Create("Input.Publisher", (string?)"Second editor")]);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("value=\"First editor\"", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("First editor", await factory.WithDbAsync(db => db.ToolboxEntries.Where(e => e.Key == "digcomp").Select(e => e.Publisher).SingleAsync()));
    }

    [Fact]
    public async Task An_editor_adds_an_entry_through_the_form()
    {
        var editor = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(null, PlatformRoles.Editor));
        var response = await new FormPoster(editor).SubmitAsync("/toolbox/new",
        [
            new("Input.Key", "city-data-handbook"), new("Input.Type", "training"), new("Input.Name", "City data handbook"),
            new("Input.Summary", "A handbook for the tests. It has two sentences."), new("Input.Url", "https://handbook.example.eu/"),
            new("Input.Publisher", "Test city"), new("Input.Topics", "data_management"), new("Input.Topics", "governance"),
            new("Input.Levels", "1"), new("Input.Levels", "2"), new("Input.Languages", "en"), new("Input.Cost", "free"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/toolbox/city-data-handbook", response.Headers.Location?.ToString());
        var entry = await factory.WithDbAsync(db => db.ToolboxEntries.AsNoTracking().SingleAsync(e => e.Key == "city-data-handbook"));
        Assert.Equal("|data_management|governance|", entry.Topics);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<li class=\"toolbox-entry\">")]
    private static partial Regex EntryHeading();
}
