using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Data.Accounts;
using Waypoint.Data.Proofreading;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Proofreading;

/// <summary>Suggest wording and review it through the pages and their forms, as a browser without JavaScript does.</summary>
public sealed class ProofreadingPagesTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private const string SuggestHome = "/de/proofreading/suggest?page=%2F&lang=de";

    /// <summary>Turns suggest wording on with the footer's form, then opens the German home page so its strings are known.</summary>
    private static async Task TurnOnAndOpenHomeAsync(HttpClient browser)
    {
        var home = await FormPoster.ParseAsync(await browser.GetAsync("/de/"));
        var on = await new FormPoster(browser).SubmitAsync(home, "/de/", [], "form[action='/de/proofreading/suggest-mode']");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal("/de/", on.Headers.Location?.OriginalString);
        Assert.Contains("href=\"/de/proofreading/suggest?page=%2F&amp;lang=de\"", await browser.HtmlAsync("/de/"), StringComparison.Ordinal);
    }

    private static string FieldFor(IHtmlDocument page, string key) =>
        page.QuerySelectorAll("section.wording").Single(s => s.QuerySelector("h2")!.TextContent == key).QuerySelector("textarea")!.Id!;

    [Fact]
    public async Task A_member_in_suggest_mode_proposes_wording_for_a_string_of_the_page_through_the_form()
    {
        var member = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(member);
        await TurnOnAndOpenHomeAsync(browser);

        var page = (IHtmlDocument)await FormPoster.ParseAsync(await browser.GetAsync(SuggestHome));
        var field = FieldFor(page, "Find your authority");
        Assert.Equal("Ihre Behörde finden", page.GetElementById(field)!.TextContent);
        var sent = await new FormPoster(browser).SubmitAsync(page, SuggestHome, [KeyValuePair.Create<string, string?>("text", "Ihre Verwaltung finden")],
            $"form:has(#{field})");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var stored = await factory.WithDbAsync(db => db.WordingSuggestions.SingleAsync(s => s.AuthorId == member.Id));
        Assert.Equal(("de", "Find your authority", "Ihre Verwaltung finden", "/"), (stored.Language, stored.Key, stored.Text, stored.Page));
        Assert.Contains(InLanguage("de", "Thank you: your wording is waiting for an editor."),
            WebUtility.HtmlDecode(await browser.HtmlAsync(sent.Headers.Location!.OriginalString)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wording_with_markup_sent_through_the_form_comes_back_with_an_error_linked_to_its_field()
    {
        var member = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(member);
        await TurnOnAndOpenHomeAsync(browser);
        var page = (IHtmlDocument)await FormPoster.ParseAsync(await browser.GetAsync(SuggestHome));
        var field = FieldFor(page, "Directory");

        var sent = await new FormPoster(browser).SubmitAsync(page, SuggestHome, [KeyValuePair.Create<string, string?>("text", "<i>Verzeichnis</i>")],
            $"form:has(#{field})");

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var again = await FormPoster.ParseAsync(sent);
        Assert.NotNull(again.QuerySelector($".error-summary a[href='#{field}']"));
        Assert.Equal("<i>Verzeichnis</i>", again.GetElementById(field)!.TextContent);
        Assert.Equal(0, await factory.SuggestionCountAsync(member.Id));
    }

    [Fact]
    public async Task Without_suggest_mode_or_in_english_pages_offer_no_suggestion_link()
    {
        using var browser = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());
        Assert.DoesNotContain("/proofreading/suggest?", await browser.HtmlAsync("/de/"), StringComparison.Ordinal);
        await TurnOnAndOpenHomeAsync(browser);

        var english = await browser.HtmlAsync("/en/");

        Assert.DoesNotContain("/proofreading/suggest?", english, StringComparison.Ordinal);
        Assert.Contains("English is the source text", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_accepts_a_suggestion_on_the_review_page_and_the_home_page_shows_it()
    {
        using var member = await factory.CreateApiClientAsync(await factory.CreateUserAsync());
        await member.SuggestOkAsync("nl", "Find your authority", "Zoek uw overheidsorganisatie");
        using var editor = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Editor));

        var review = (IHtmlDocument)await FormPoster.ParseAsync(await editor.GetAsync("/proofreading?language=nl"));
        var accepted = await new FormPoster(editor).SubmitAsync(review, "/proofreading?language=nl", [], "form[action*='handler=Accept']");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("Zoek uw overheidsorganisatie", await factory.CreateClient().HtmlAsync("/nl/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_marks_a_string_proofread_and_its_history_says_who()
    {
        var editorUser = await factory.CreateUserAsync(roles: PlatformRoles.Editor);
        using var editor = await factory.CreateBrowserClientAsync(editorUser);
        const string url = "/proofreading/string?language=sv&key=Directory";

        var marked = await new FormPoster(editor).SubmitAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var review = await factory.WithDbAsync(db => db.TranslationReviews.SingleAsync(r => r.Language == "sv" && r.Key == "Directory"));
        Assert.Equal(editorUser.Id, review.ReviewedById);
        var history = await editor.HtmlAsync(url);
        Assert.Contains("Marked as proofread", WebUtility.HtmlDecode(history), StringComparison.Ordinal);
        Assert.Contains(editorUser.Email.Split('@')[0], history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_the_review_pages_by_language_keeps_the_editors_own_interface_language()
    {
        using var member = await factory.CreateApiClientAsync(await factory.CreateUserAsync());
        await member.SuggestOkAsync("da", "Find your authority", "Find din myndighed nu");
        using var editor = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Editor));

        foreach (var url in new[] { "/proofreading?language=da", "/proofreading/strings?language=da", "/proofreading/string?language=da&key=Directory" })
        {
            var page = await FormPoster.ParseAsync(await editor.GetAsync(url));
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            if (url.StartsWith("/proofreading?", StringComparison.Ordinal))
                Assert.Contains("Find din myndighed nu", page.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_member_in_suggest_mode_proposes_wording_for_a_question_of_a_topic_page_through_the_form()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.AdminApi.StartAsync(team.OrganisationId);
        using var browser = await factory.CreateBrowserClientAsync(team.Admin);
        await TurnOnAndOpenHomeAsync(browser);
        var topic = $"/de/assessments/{assessment.Id}/topics/governance";
        Assert.Contains($"/de/proofreading/suggest?page={Uri.EscapeDataString($"/assessments/{assessment.Id}/topics/governance")}", await browser.HtmlAsync(topic), StringComparison.Ordinal);
        var suggestUrl = $"/de/proofreading/suggest?page={Uri.EscapeDataString($"/assessments/{assessment.Id}/topics/governance")}&lang=de";
        var question = factory.Questionnaire().FindQuestion("governance.digital_strategy")!;

        var page = (IHtmlDocument)await FormPoster.ParseAsync(await browser.GetAsync(suggestUrl));
        var field = FieldFor(page, question.Text);
        var sent = await new FormPoster(browser).SubmitAsync(page, suggestUrl,
            [KeyValuePair.Create<string, string?>("text", "Hat Ihre Verwaltung eine gueltige Digitalstrategie?")], $"form:has(#{field})");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var stored = await factory.WithDbAsync(db => db.WordingSuggestions.SingleAsync(s => s.AuthorId == team.Admin.Id));
        Assert.Equal(("de", $"questionnaire:{factory.Questionnaire().Version}:question:governance.digital_strategy:text", "/assessments/{id}/topics/governance"),
            (stored.Language, stored.Key, stored.Page));
        Assert.NotNull(FieldFor(page, question.Levels[4]));
    }

    [Fact]
    public async Task Each_question_of_a_topic_page_links_to_the_suggestion_page_listing_only_that_questions_texts()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.AdminApi.StartAsync(team.OrganisationId);
        using var browser = await factory.CreateBrowserClientAsync(team.Admin);
        await TurnOnAndOpenHomeAsync(browser);
        var path = $"/assessments/{assessment.Id}/topics/governance";
        var topic = (IHtmlDocument)await FormPoster.ParseAsync(await browser.GetAsync("/de" + path));
        var question = factory.Questionnaire().FindQuestion("governance.digital_strategy")!;

        var link = topic.QuerySelector("fieldset[data-question='governance.digital_strategy'] .suggest-question a")!.GetAttribute("href")!;
        Assert.Equal($"/de/proofreading/suggest?page={Uri.EscapeDataString(path)}&lang=de&question=governance.digital_strategy", link);
        Assert.Equal(factory.Questionnaire().FindSection("governance")!.Questions.Length, topic.QuerySelectorAll(".suggest-question a").Length);

        var page = (IHtmlDocument)await FormPoster.ParseAsync(await browser.GetAsync(link));
        var sources = page.QuerySelectorAll("section.wording h2").Select(h => h.TextContent).ToList();
        Assert.Contains(question.Text, sources);
        Assert.Contains(question.Levels[0], sources);
        Assert.DoesNotContain("Directory", sources);
        Assert.DoesNotContain(factory.Questionnaire().FindQuestion("governance.digital_strategy") is { } q
            ? factory.Questionnaire().FindSection("governance")!.Questions.First(o => o.Key != q.Key).Text : "", sources);
        Assert.NotNull(page.QuerySelector("form input[name=question][value='governance.digital_strategy']"));
    }

    [Fact]
    public async Task Without_suggest_wording_on_a_topic_page_has_no_links_to_suggest_wording()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.AdminApi.StartAsync(team.OrganisationId);
        using var browser = await factory.CreateBrowserClientAsync(team.Admin);

        var topic = await browser.HtmlAsync($"/de/assessments/{assessment.Id}/topics/governance");

        Assert.DoesNotContain("suggest-question", topic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_suggest_wording_keeps_of_an_organisations_results_page_names_neither_the_organisation_nor_its_answers()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.AdminApi.StartAsync(team.OrganisationId);
        await team.AdminApi.AnswerAsync(assessment.Id, "governance.digital_strategy", new { level = 2, version = 0 });
        using var browser = await factory.CreateBrowserClientAsync(team.Admin);
        await TurnOnAndOpenHomeAsync(browser);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/de/assessments/{assessment.Id}/results")).StatusCode);

        var version = factory.Questionnaire().Version;
        var pages = await factory.WithDbAsync(db => db.PageStrings.Select(p => p.Page).Distinct().ToListAsync());
        Assert.DoesNotContain(pages, p => p.Contains(assessment.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        var kept = await factory.WithDbAsync(db => db.PageStrings.Where(p => p.Page == "/assessments/{id}/results").Select(p => p.Key).ToListAsync());
        // Every level of the question is kept, not only the one answered.
        Assert.All(Enumerable.Range(1, 5), level => Assert.Contains($"questionnaire:{version}:question:governance.digital_strategy:level:{level}", kept));
        // A colleague of another organisation listing the same page sees the pooled texts, and the form still names the page.
        using var other = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());
        var listed = await other.HtmlAsync($"/de/proofreading/suggest?page={Uri.EscapeDataString($"/assessments/{Guid.NewGuid()}/results")}&lang=de");
        Assert.Contains("section class=\"wording\"", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_pages_are_for_editors_and_the_suggestion_page_for_members()
    {
        using var member = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var url in new[] { "/proofreading", "/proofreading/coverage", "/proofreading/strings?language=de", "/proofreading/string?language=de&key=Directory" })
        {
            var response = await member.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/accounts/denied", response.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
        var signIn = await anonymous.GetAsync(SuggestHome);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/accounts/signin", signIn.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.False(await factory.WithDbAsync(db => db.TranslationReviews.AnyAsync(r => r.Language == "de" && r.Key == "Directory")));
    }

    /// <summary>The page's wording of <paramref name="english"/> in <paramref name="language"/>, as the application shows it.</summary>
    private string InLanguage(string language, string english) =>
        factory.Services.GetRequiredService<Waypoint.Infrastructure.Localization.TranslationCatalog>().Find(language, english) ?? english;
}
