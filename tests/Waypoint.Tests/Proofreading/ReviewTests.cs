using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Data.Proofreading;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Proofreading;

/// <summary>Editors accept or reject suggestions; accepted wording shows at once, with its history kept.</summary>
public sealed class ReviewTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private async Task<(HttpClient Member, HttpClient Editor, TestUser EditorUser)> ClientsAsync()
    {
        var editor = await factory.CreateUserAsync(roles: PlatformRoles.Editor);
        return (await factory.CreateApiClientAsync(await factory.CreateUserAsync()), await factory.CreateApiClientAsync(editor), editor);
    }

    [Fact]
    public async Task An_accepted_suggestion_shows_on_the_page_at_once_without_a_restart()
    {
        var (member, editor, _) = await ClientsAsync();
        using var reader = factory.CreateClient();
        Assert.Contains("Ihre Behörde finden", await reader.HtmlAsync("/de/"), StringComparison.Ordinal);
        var id = await member.SuggestOkAsync("de", "Find your authority", "Finden Sie Ihre Verwaltung");

        var accepted = await editor.PostAsync($"/api/v1/proofreading/suggestions/{id}/accept", null);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var home = await reader.HtmlAsync("/de/");
        Assert.Contains("Finden Sie Ihre Verwaltung", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Ihre Behörde finden", home, StringComparison.Ordinal);
        Assert.Contains("Find your authority", await reader.HtmlAsync("/en/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_keeps_the_previous_wording_in_the_history_with_who_and_when()
    {
        var (member, editor, editorUser) = await ClientsAsync();
        var first = await member.SuggestOkAsync("de", "Skip to main content", "Direkt zum Inhalt");
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/proofreading/suggestions/{first}/accept", null)).StatusCode);
        var second = await member.SuggestOkAsync("de", "Skip to main content", "Zum Inhalt springen");
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/proofreading/suggestions/{second}/accept", null)).StatusCode);

        var history = await editor.GetFromJsonAsync<JsonElement>("/api/v1/proofreading/history?language=de&key=Skip%20to%20main%20content");

        Assert.Equal("Zum Hauptinhalt springen", history.GetProperty("fileText").GetString());
        Assert.Equal("Zum Inhalt springen", history.GetProperty("currentText").GetString());
        Assert.True(history.GetProperty("proofread").GetBoolean());
        var changes = history.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal(("Direkt zum Inhalt", "Zum Inhalt springen"), (changes[0].GetProperty("previousText").GetString(), changes[0].GetProperty("text").GetString()));
        Assert.Equal(("Zum Hauptinhalt springen", "Direkt zum Inhalt"), (changes[1].GetProperty("previousText").GetString(), changes[1].GetProperty("text").GetString()));
        Assert.Equal(editorUser.Email.Split('@')[0], changes[0].GetProperty("changedByName").GetString());
        var stored = await factory.WithDbAsync(db => db.TranslationChanges.Where(c => c.SuggestionId == second).SingleAsync());
        Assert.Equal(editorUser.Id, stored.ChangedById);
        Assert.True(DateTimeOffset.UtcNow - stored.ChangedAt < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_member_who_is_not_an_editor_cannot_accept_and_nothing_changes()
    {
        var (member, _, _) = await ClientsAsync();
        var id = await member.SuggestOkAsync("de", "Sign in", "Einloggen");

        var accept = await member.PostAsync($"/api/v1/proofreading/suggestions/{id}/accept", null);
        var reject = await member.PostAsJsonAsync($"/api/v1/proofreading/suggestions/{id}/reject", new { reason = "no" });
        var list = await member.GetAsync("/api/v1/proofreading/suggestions");

        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reject.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(SuggestionStatus.Pending, await factory.WithDbAsync(db => db.WordingSuggestions.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.TranslationOverrides.AnyAsync(o => o.Language == "de" && o.Key == "Sign in")));
        Assert.Contains("Anmelden", await factory.CreateClient().HtmlAsync("/de/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_suggestion_leaves_the_wording_and_keeps_the_reason()
    {
        var (member, editor, _) = await ClientsAsync();
        var id = await member.SuggestOkAsync("de", "Create an account and confirm your email.", "Konto anlegen und E-Mail bestätigen.");

        var rejected = await editor.PostAsJsonAsync($"/api/v1/proofreading/suggestions/{id}/reject", new { reason = "Wir siezen die Leser." });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var body = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Rejected", body.GetProperty("status").GetString());
        Assert.Equal("Wir siezen die Leser.", body.GetProperty("rejectionReason").GetString());
        Assert.Contains("Legen Sie ein Konto an, und bestätigen Sie Ihre E-Mail-Adresse.", await factory.CreateClient().HtmlAsync("/de/"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.TranslationOverrides.AnyAsync(o => o.Key == "Create an account and confirm your email.")));

        var again = await editor.PostAsync($"/api/v1/proofreading/suggestions/{id}/accept", null);
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_rejection_reason_with_markup_is_refused_and_the_suggestion_stays_pending()
    {
        var (member, editor, _) = await ClientsAsync();
        var id = await member.SuggestOkAsync("de", "Change", "Wechseln");

        var problem = await (await editor.PostAsJsonAsync($"/api/v1/proofreading/suggestions/{id}/reject", new { reason = "<a href=x>no</a>" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("reason"));
        Assert.Equal(SuggestionStatus.Pending, await factory.WithDbAsync(db => db.WordingSuggestions.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Wording_accepted_on_another_node_shows_here_after_the_version_counter_moves()
    {
        using var reader = factory.CreateClient();
        // Another node accepted a wording: it wrote the override and moved the counter in the shared database.
        await factory.WithDbAsync(async db =>
        {
            db.TranslationOverrides.Add(new TranslationOverride
            {
                Language = "de",
                Key = "Invite your colleagues and answer the assessment together.",
                Text = "Laden Sie Ihr Team ein.",
                AcceptedById = (await factory.CreateUserAsync(roles: PlatformRoles.Editor)).Id,
                AcceptedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            await db.TranslationOverridesVersions.ExecuteUpdateAsync(v => v.SetProperty(x => x.Version, x => x.Version + 1));
        });

        var deadline = DateTime.UtcNow.AddSeconds(15);
        string home;
        do
        {
            home = await reader.HtmlAsync("/de/");
            if (home.Contains("Laden Sie Ihr Team ein.", StringComparison.Ordinal)) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);

        Assert.Contains("Laden Sie Ihr Team ein.", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exported_po_file_has_the_accepted_wording_and_is_for_editors_only()
    {
        var (member, editor, editorUser) = await ClientsAsync();
        var id = await member.SuggestOkAsync("fr", "Directory", "Annuaire des administrations");
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/proofreading/suggestions/{id}/accept", null)).StatusCode);
        using var editorBrowser = await factory.CreateBrowserClientAsync(editorUser);
        using var memberBrowser = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());

        var export = await editorBrowser.GetAsync("/proofreading/export/fr.po");
        var refused = await memberBrowser.GetAsync("/proofreading/export/fr.po");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var po = await export.Content.ReadAsStringAsync();
        Assert.Contains("msgid \"Directory\"\nmsgstr \"Annuaire des administrations\"", po, StringComparison.Ordinal);
        // A browser that may not see a page is sent to the access-denied page, as for every page.
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/accounts/denied", refused.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
