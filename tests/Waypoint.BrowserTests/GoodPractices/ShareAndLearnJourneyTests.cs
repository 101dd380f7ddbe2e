using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Data.Accounts;
using Waypoint.Data.Assessments;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.GoodPractices;

[Collection(BrowserCollection.Name)]
public sealed class ShareAndLearnJourneyTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    /// <summary>A submitted assessment of the organisation whose governance topic describes a good practice.</summary>
    private async Task SubmittedAssessmentWithPracticeAsync(Guid organisationId, string adminId, string solutionName)
    {
        await Server.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var assessment = new Assessment
            {
                Id = Guid.NewGuid(),
                OrganisationId = organisationId,
                Round = now.Year,
                QuestionnaireVersion = "1.0",
                Status = AssessmentStatus.Submitted,
                CreatedAt = now,
                CreatedById = adminId,
                SubmittedAt = now,
                SubmittedById = adminId,
                UpdatedAt = now,
            };
            assessment.GoodPractices.Add(new TopicGoodPractice
            {
                TopicKey = "governance",
                SolutionName = solutionName,
                Url = "https://geo.example.eu/stelle",
                Achievement = "One office keeps every map layer of the district and publishes them as open data.",
                Version = 1,
                UpdatedAt = now,
                UpdatedById = adminId,
            });
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public Task An_organisation_shares_a_good_practice_an_editor_approves_it_the_public_finds_it_and_peers_answer_a_question() => BrowseAsync(async page =>
    {
        var sharing = await Server.CreateOrganisationAsync();
        var answering = await Server.CreateOrganisationAsync();
        var title = $"Zentrale Geodätenstelle Süd {Guid.NewGuid().ToString("N")[..6]}";
        await SubmittedAssessmentWithPracticeAsync(sharing.OrganisationId, sharing.Admin.Id, title);

        // The organisation's admin shares it from the organisation's page.
        await SignInAsync(page, sharing.Admin);
        await page.GotoAsync($"organisations/{sharing.OrganisationId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Share good practices" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Share good practices");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Share for the library" }).ClickAsync();
        await Expect(page.Locator(".notice-success")).ToContainTextAsync("an editor will read it");
        await Expect(page.Locator(".tag", new() { HasText = "Waiting for an editor" })).ToBeVisibleAsync();

        // An editor approves it from the queue.
        var editorPage = await OpenAnotherBrowserAsync();
        await SignInAsync(editorPage, await Server.CreateUserAsync(roles: PlatformRoles.Editor));
        await editorPage.GotoAsync("good-practices/moderation");
        await editorPage.AssertNoSeriousAccessibilityViolationsAsync();
        var item = editorPage.Locator("section", new() { Has = editorPage.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(editorPage.Locator(".notice-success")).ToContainTextAsync("is approved");

        // Anyone finds it in the library, typing without accents.
        var visitor = await OpenAnotherBrowserAsync();
        await visitor.GotoAsync("good-practices");
        await visitor.GetByLabel("Words").FillAsync(title.Replace("ä", "a", StringComparison.Ordinal).Replace("ü", "u", StringComparison.Ordinal).ToLowerInvariant());
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(visitor.Locator(".result-count")).ToHaveTextAsync("1 good practice found");
        await visitor.AssertNoSeriousAccessibilityViolationsAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(visitor.Locator("main")).ToContainTextAsync(sharing.AuthorityName);
        await visitor.AssertNoSeriousAccessibilityViolationsAsync();

        // A member asks peers a question on the topic.
        await page.GotoAsync("questions?topic=governance");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask a question" }).ClickAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByLabel("Your question").FillAsync("Who chairs your digital board?");
        await page.GetByLabel("Details").FillAsync("We are setting one up and wonder who should lead it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Who chairs your digital board?");
        var questionUrl = page.Url;

        // A member of another organisation answers; the asker's email arrives with a link to the question.
        var peer = await OpenAnotherBrowserAsync();
        await SignInAsync(peer, answering.Admin);
        await peer.GotoAsync(questionUrl);
        await peer.AssertNoSeriousAccessibilityViolationsAsync();
        await peer.GetByLabel("Answer", new() { Exact = true }).FillAsync("Our deputy mayor, with the CDO as secretary.");
        await peer.GetByRole(AriaRole.Button, new() { Name = "Post the answer" }).ClickAsync();
        await Expect(peer.Locator(".answer")).ToContainTextAsync("Our deputy mayor, with the CDO as secretary.");
        await peer.AssertNoSeriousAccessibilityViolationsAsync();

        var email = await Server.LastMessageToAsync(sharing.Admin.Email);
        Assert.Contains("Who chairs your digital board?", email.Subject, StringComparison.Ordinal);
        Assert.Equal(new Uri(questionUrl).AbsolutePath, email.LinkTo("/questions/").AbsolutePath);
        await page.GotoAsync(questionUrl);
        await Expect(page.Locator(".answer")).ToContainTextAsync("Our deputy mayor");
    });
}
