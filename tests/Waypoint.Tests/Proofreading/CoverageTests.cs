using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Localization;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Proofreading;

public sealed class CoverageTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static readonly string TranslationsDirectory = Path.Combine(AppContext.BaseDirectory, "Localization", "Translations");

    private static IReadOnlyList<PoFile.Entry> Read(string fileName)
    {
        using var reader = File.OpenText(Path.Combine(TranslationsDirectory, fileName));
        return PoFile.Parse(reader);
    }

    private async Task<Dictionary<string, JsonElement>> CoverageAsync(HttpClient editor) =>
        (await editor.GetFromJsonAsync<JsonElement>("/api/v1/proofreading/coverage"))
        .EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!);

    [Fact]
    public async Task Interface_coverage_of_every_language_equals_the_counts_of_its_po_file()
    {
        using var editor = await factory.CreateApiClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Editor));

        var coverage = await CoverageAsync(editor);

        Assert.Equal(24, coverage.Count);
        var template = Read("waypoint.pot").Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(TranslationsDirectory, "*.po"))
        {
            var language = Path.GetFileNameWithoutExtension(file);
            var entries = Read(language + ".po").Where(e => template.Contains(e.Id)).ToList();
            var counts = coverage[language].GetProperty("interface");
            Assert.Equal(template.Count, counts.GetProperty("total").GetInt32());
            Assert.Equal(entries.Count(e => e.Text.Length > 0), counts.GetProperty("translated").GetInt32());
            Assert.Equal(entries.Count(e => e.Comments.Contains("#, same-as-english")), counts.GetProperty("sameAsEnglish").GetInt32());
        }
        Assert.True(coverage["en"].GetProperty("isSource").GetBoolean());
    }

    [Fact]
    public async Task Proofread_and_pending_counts_follow_suggestions_acceptances_and_confirmations()
    {
        using var editor = await factory.CreateApiClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Editor));
        using var member = await factory.CreateApiClientAsync(await factory.CreateUserAsync());
        var before = (await CoverageAsync(editor))["it"].GetProperty("interface");

        var accepted = await member.SuggestOkAsync("it", "Directory", "Elenco delle autorità");
        await member.SuggestOkAsync("it", "Sign in", "Entra");
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/proofreading/suggestions/{accepted}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync("/api/v1/proofreading/proofread", new { language = "it", key = "Change" })).StatusCode);

        var after = (await CoverageAsync(editor))["it"].GetProperty("interface");
        Assert.Equal(before.GetProperty("proofread").GetInt32() + 2, after.GetProperty("proofread").GetInt32());
        Assert.Equal(before.GetProperty("pending").GetInt32() + 1, after.GetProperty("pending").GetInt32());
        Assert.Equal(before.GetProperty("translated").GetInt32(), after.GetProperty("translated").GetInt32());
    }

    [Fact]
    public async Task Questionnaire_coverage_counts_the_texts_of_the_current_version_and_its_translations()
    {
        using var editor = await factory.CreateApiClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Editor));

        var coverage = await CoverageAsync(editor);

        var english = coverage["en"].GetProperty("questionnaire");
        var german = coverage["de"].GetProperty("questionnaire");
        Assert.True(english.GetProperty("total").GetInt32() > 100);
        Assert.Equal(english.GetProperty("total").GetInt32(), german.GetProperty("total").GetInt32());
        Assert.InRange(german.GetProperty("translated").GetInt32(), 1, german.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_coverage_page_lists_every_language_in_its_own_name_and_is_for_editors_only()
    {
        using var editor = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Editor));
        using var member = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());
        using var memberApi = await factory.CreateApiClientAsync(await factory.CreateUserAsync());

        var html = await editor.HtmlAsync("/proofreading/coverage");

        Assert.Contains("<span lang=\"de\">Deutsch</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"el\">ελληνικά</span>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/proofreading/coverage")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberApi.GetAsync("/api/v1/proofreading/coverage")).StatusCode);
    }
}
