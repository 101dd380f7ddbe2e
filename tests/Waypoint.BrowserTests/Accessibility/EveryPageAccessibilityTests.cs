using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Accessibility;

/// <summary>
/// axe on every kind of page, as the visitor who can open it, in English (no language prefix), German, Greek and
/// Maltese: four scripts and text lengths that break layouts differently. A new page is one line in
/// <see cref="Pages"/>. The data each page shows is arranged once per run by <see cref="AccessibilitySite"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageAccessibilityTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    /// <summary>"" is English without a prefix, as most people arrive.</summary>
    private static readonly string[] LanguagePrefixes = ["", "/de", "/el", "/mt"];

    private readonly BrowserFixture _browser = browser;

    /// <summary>A kind of page: who opens it, its address, the status it answers with, and what to do on it before the
    /// check (for example send its form empty, to check the error summary too). <paramref name="Speaks"/> is the
    /// language of a page whose <c>?lang=</c> chooses it when the address has no language prefix (a prefix wins).
    /// <paramref name="Shows"/> selects what proves the arranged data is on the page (figures, answers...), so that
    /// the check covers the page as people see it with content, not an empty state.</summary>
    public sealed record PageType(string Name, Visitor Visitor, Func<AccessibilitySite, string> Path, int Status = 200, Func<IPage, Task>? Then = null,
        string? Speaks = null, string? Shows = null);

    public static readonly PageType[] Pages =
    [
        // Public pages
        new("home", Visitor.Anonymous, _ => "/"),
        new("directory search", Visitor.Anonymous, _ => "/authorities?q=berg&country=AT"),
        new("directory, nothing searched yet", Visitor.Anonymous, _ => "/authorities"),
        new("authority card", Visitor.Anonymous, s => $"/authorities/{s.MunicipalityId}"),
        new("sign in", Visitor.Anonymous, _ => "/accounts/signin"),
        new("sign in, sent empty", Visitor.Anonymous, _ => "/accounts/signin", Then: SubmitMainFormAsync),
        new("register", Visitor.Anonymous, _ => "/accounts/register"),
        new("register, sent empty", Visitor.Anonymous, _ => "/accounts/register", Then: SubmitMainFormAsync),
        new("forgot password", Visitor.Anonymous, _ => "/accounts/forgot-password"),
        new("resend confirmation", Visitor.Anonymous, _ => "/accounts/resend-confirmation"),
        new("check your email", Visitor.Anonymous, _ => "/accounts/check-email"),
        new("access denied", Visitor.Anonymous, _ => "/accounts/denied", Status: 403),
        new("page not found", Visitor.Anonymous, _ => "/no-such-page", Status: 404),
        new("accessibility statement", Visitor.Anonymous, _ => "/accessibility"),
        new("how scores are calculated", Visitor.Anonymous, _ => "/assessments/scoring"),
        new("reset password", Visitor.Anonymous, _ => "/accounts/reset-password?email=someone%40example.eu&code=not-a-real-code"),
        new("reset password, sent empty", Visitor.Anonymous, _ => "/accounts/reset-password?email=someone%40example.eu&code=not-a-real-code", Then: SubmitMainFormAsync),
        new("confirmation link that is not valid", Visitor.Anonymous, _ => "/accounts/confirm-email?userId=nobody&code=not-a-real-code"),
        new("server error", Visitor.Anonymous, _ => "/error/500", Status: 500),
        new("toolbox", Visitor.Anonymous, _ => "/toolbox", Shows: ".toolbox-entry"),
        new("toolbox, searched and filtered", Visitor.Anonymous, _ => "/toolbox?q=data&topic=data_management&level=3", Shows: ".toolbox-entry"),
        new("toolbox, nothing found", Visitor.Anonymous, _ => "/toolbox?q=zzzzqqq"),
        new("toolbox entry", Visitor.Anonymous, _ => "/toolbox/elements-of-ai"),
        new("good practices library", Visitor.Anonymous, _ => "/good-practices", Shows: "main a[href*='/good-practices/']"),
        new("good practices library, searched and filtered", Visitor.Anonymous, s => $"/good-practices?q=desk&topic={s.QuestionTopicKey}&type=Municipality"),
        new("good practice", Visitor.Anonymous, s => $"/good-practices/{s.ApprovedPracticeId}"),
        new("analytics", Visitor.Anonymous, _ => "/analytics", Shows: "svg.choropleth path[data-code=SK][class^='map-bin']"),
        new("analytics, filtered by topic and type", Visitor.Anonymous, s => $"/analytics?topic={s.QuestionTopicKey}&type=Municipality"),

        // A member of an organisation (its admin)
        new("my account", Visitor.Member, _ => "/accounts/me"),
        new("my organisations", Visitor.Member, _ => "/organisations"),
        new("organisation and its members", Visitor.Member, s => $"/organisations/{s.OrganisationId}"),
        new("claim an authority", Visitor.Member, s => $"/organisations/claim?authorityId={s.UnclaimedAuthorityId}"),
        new("claim an authority, sent empty", Visitor.Member, s => $"/organisations/claim?authorityId={s.UnclaimedAuthorityId}", Then: SubmitMainFormAsync),
        new("propose a public body", Visitor.Member, _ => "/authorities/propose"),
        new("invitation link that is not valid", Visitor.Member, _ => "/organisations/invitations/not-a-real-invitation", Status: 404),
        new("assessments of an organisation", Visitor.Member, s => $"/organisations/{s.OrganisationId}/assessments"),
        new("assessment overview", Visitor.Member, s => $"/assessments/{s.CurrentAssessmentId}"),
        new("general information questions", Visitor.Member, s => $"/assessments/{s.CurrentAssessmentId}/topics/general"),
        new("topic page with questions", Visitor.Member, s => $"/assessments/{s.CurrentAssessmentId}/topics/{s.FirstTopicKey}"),
        new("review before submitting", Visitor.Member, s => $"/assessments/{s.CurrentAssessmentId}/review"),
        new("results of an assessment in progress", Visitor.Member, s => $"/assessments/{s.CurrentAssessmentId}/results"),
        new("results of a submitted assessment", Visitor.Member, s => $"/assessments/{s.SubmittedAssessmentId}/results", Shows: "[data-recommendation]"),
        new("topic of a submitted assessment", Visitor.Member, s => $"/assessments/{s.SubmittedAssessmentId}/topics/{s.FirstTopicKey}"),
        new("sign out", Visitor.Member, _ => "/accounts/signout"),
        new("dashboard with peers", Visitor.Member, s => $"/organisations/{s.PeerOrganisationId}/dashboard", Shows: "#box-plot .box-own"),
        new("dashboard, another peer group", Visitor.Member, s => $"/organisations/{s.PeerOrganisationId}/dashboard?group=europe", Shows: "#box-plot .box-own"),
        new("dashboard, a target out of range", Visitor.Member, s => $"/organisations/{s.PeerOrganisationId}/dashboard",
            Then: page => SubmitFormAsync(page, "form[action*='handler=Targets']", form => form.Locator("input[type=number]").First.FillAsync("150"))),
        new("roadmap", Visitor.Member, s => $"/roadmaps/{s.RoadmapId}", Shows: "li.roadmap-action"),
        new("roadmap, own action sent empty", Visitor.Member, s => $"/roadmaps/{s.RoadmapId}", Then: page => SubmitFormAsync(page, "form[action*='handler=Add']")),
        new("roadmap, print version", Visitor.Member, s => $"/roadmaps/{s.RoadmapId}/print", Shows: "li.roadmap-action"),
        new("share good practices", Visitor.Member, s => $"/organisations/{s.OrganisationId}/good-practices"),
        new("what peers do well", Visitor.Member, s => $"/organisations/{s.PeerOrganisationId}/peers-strong"),
        new("questions on a topic", Visitor.Member, s => $"/questions?topic={s.QuestionTopicKey}"),
        new("ask a question", Visitor.Member, s => $"/questions/ask?topic={s.QuestionTopicKey}"),
        new("ask a question, sent empty", Visitor.Member, s => $"/questions/ask?topic={s.QuestionTopicKey}", Then: SubmitMainFormAsync),
        new("question with answers", Visitor.Member, s => $"/questions/{s.QuestionId}", Shows: ".answer"),
        new("suggest wording mode", Visitor.Member, _ => "/proofreading/suggest-mode"),
        new("suggest wording for a page", Visitor.Member, _ => "/proofreading/suggest?page=%2F&lang=de", Speaks: "de"),

        // Platform admins
        new("claims to review", Visitor.PlatformAdmin, _ => "/admin/claims"),
        new("users", Visitor.PlatformAdmin, _ => "/admin/users"),
        new("bodies to review", Visitor.PlatformAdmin, _ => "/admin/bodies"),

        // Someone invited, signed in with the invited address
        new("invitation to join an organisation", Visitor.Invitee, s => $"/organisations/invitations/{s.InvitationToken}"),

        // Editors
        new("add a toolbox entry", Visitor.Editor, _ => "/toolbox/new"),
        new("add a toolbox entry, sent empty", Visitor.Editor, _ => "/toolbox/new", Then: SubmitMainFormAsync),
        new("edit a toolbox entry", Visitor.Editor, _ => "/toolbox/elements-of-ai/edit"),
        new("good practices to review", Visitor.Editor, _ => "/good-practices/moderation", Shows: "form[id^='approve-']"),
        new("good practice to review, approved with its title emptied", Visitor.Editor, _ => "/good-practices/moderation",
            Then: page => SubmitFormAsync(page, "form[id^='approve-']", form => form.Locator("input[name=title]").FillAsync(""))),
        new("recommendations to manage", Visitor.Editor, _ => "/recommendations/manage"),
        new("edit a recommendation", Visitor.Editor, _ => "/recommendations/manage/edit/local-data-inventory"),
        new("new recommendation", Visitor.Editor, _ => "/recommendations/manage/edit"),
        new("new recommendation, sent empty", Visitor.Editor, _ => "/recommendations/manage/edit", Then: SubmitMainFormAsync),
        new("wording suggestions to review", Visitor.Editor, _ => "/proofreading", Shows: "section.claim"),
        new("strings of a language", Visitor.Editor, _ => "/proofreading/strings?language=de"),
        new("history of a string", Visitor.Editor, _ => "/proofreading/string?language=de&key=Directory"),
        new("translation coverage", Visitor.Editor, _ => "/proofreading/coverage"),

        // Coordinators
        new("analytics for coordinators", Visitor.Coordinator, _ => "/analytics", Shows: "svg.choropleth path[data-code=SK][class^='map-bin']"),
        new("recommendations policy view", Visitor.Coordinator, _ => "/recommendations/policy"),
    ];

    public static TheoryData<string> PageNames => [.. Pages.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(PageNames))]
    public async Task The_page_has_no_serious_or_critical_accessibility_violations_in_English_German_Greek_and_Maltese(string pageType)
    {
        var type = Pages.Single(p => p.Name == pageType);
        var site = await AccessibilitySite.For(Server);
        var session = await site.SessionAsync(_browser.Browser, type.Visitor);
        await BrowseAsync(new BrowserNewContextOptions { StorageState = session }, async page =>
        {
            var problems = new List<string>();
            foreach (var prefix in LanguagePrefixes)
            {
                var address = prefix + type.Path(site);
                var response = await page.GotoAsync(address);
                Assert.True(response?.Status == type.Status, $"{address} answered {response?.Status}, expected {type.Status} (at {page.Url}).");
                if (type.Then is { } then) await then(page);
                if (type.Shows is { } shows) await Expect(page.Locator(shows).First).ToBeVisibleAsync();
                var language = prefix.Length == 0 ? type.Speaks ?? "en" : prefix[1..];
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                try
                {
                    await page.AssertNoSeriousAccessibilityViolationsAsync();
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    problems.Add($"[{language}] {e.Message}");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }, pageType);
    }

    /// <summary>Presses the submit button of the page's own form (in main, not the header's), waiting for the answer.</summary>
    private static async Task SubmitMainFormAsync(IPage page)
    {
        await page.Locator("main form[method=post] button[type=submit], main form[method=post] button:not([type])").First.ClickAsync();
        await page.Locator(".error-summary").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Fills the first form matching <paramref name="form"/> as <paramref name="fill"/> says, sends it and waits
    /// for the error summary of the answer.</summary>
    private static async Task SubmitFormAsync(IPage page, string form, Func<ILocator, Task>? fill = null)
    {
        var target = page.Locator(form).First;
        if (fill is not null) await fill(target);
        await target.Locator("button[type=submit], button:not([type])").First.ClickAsync();
        await page.Locator(".error-summary").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
