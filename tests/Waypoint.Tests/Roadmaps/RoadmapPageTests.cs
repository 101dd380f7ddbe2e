using System.Net;
using Microsoft.EntityFrameworkCore;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;
using Waypoint.Tests.Recommendations;

namespace Waypoint.Tests.Roadmaps;

/// <summary>The roadmap pages, through their forms as a browser without JavaScript sends them.</summary>
public sealed class RoadmapPageTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task A_contributor_creates_the_roadmap_from_the_results_page_and_plans_an_action_with_the_form()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await RecommendationsApiTests.SubmittedAsync(factory, team);
        using var browser = await factory.CreateBrowserClientAsync(team.Contributor);
        var forms = new FormPoster(browser);

        var created = await forms.SubmitAsync($"/assessments/{assessment.Id}/results", [], "form[action='/roadmaps/create']");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var roadmapId = await factory.WithDbAsync(db => db.Roadmaps.Where(r => r.AssessmentId == assessment.Id).Select(r => r.Id).SingleAsync());
        Assert.Equal($"/roadmaps/{roadmapId}", page);
        var actionId = await factory.WithDbAsync(db => db.RoadmapActions.Where(a => a.RoadmapId == roadmapId && a.RecommendationKey == "local-data-inventory").Select(a => a.Id).SingleAsync());

        var saved = await forms.SubmitAsync(page, [KeyValuePair.Create("Owner", (string?)"Data team"), KeyValuePair.Create("DueDate", (string?)"2027-06-30"),
            KeyValuePair.Create("Status", (string?)"done")], $"#action-{actionId:N} form");
        var added = await forms.SubmitAsync(page, [KeyValuePair.Create("Title", (string?)"Publish the roadmap on our website")], "form[action*='handler=Add']");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var action = await factory.WithDbAsync(db => db.RoadmapActions.AsNoTracking().SingleAsync(a => a.Id == actionId));
        Assert.Equal(("Data team", new DateOnly(2027, 6, 30), Data.Roadmaps.RoadmapActionStatus.Done), (action.Owner, action.DueDate!.Value, action.Status));
        var html = await browser.GetStringAsync(page);
        Assert.Contains("Publish the roadmap on our website", html, StringComparison.Ordinal);
        Assert.Contains("Procurement checklist", html, StringComparison.Ordinal);
        Assert.Contains("Open the roadmap", await browser.GetStringAsync($"/assessments/{assessment.Id}/results"), StringComparison.Ordinal);
        Assert.Contains("Publish the roadmap on our website", await browser.GetStringAsync($"{page}/print"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_the_add_form_is_refused_with_a_form_error_linked_to_the_field()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await RoadmapApiTests.CreateRoadmapAsync(factory, team);
        using var browser = await factory.CreateBrowserClientAsync(team.Contributor);
        var count = await factory.WithDbAsync(db => db.RoadmapActions.CountAsync(a => a.RoadmapId == roadmap.Id));

        var response = await new FormPoster(browser).SubmitAsync($"/roadmaps/{roadmap.Id}",
            [KeyValuePair.Create("Title", (string?)"<script>alert(1)</script>")], "form[action*='handler=Add']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#new-title\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Equal(count, await factory.WithDbAsync(db => db.RoadmapActions.CountAsync(a => a.RoadmapId == roadmap.Id)));
    }

    [Fact]
    public async Task A_form_filled_before_a_colleagues_change_is_refused_with_the_roadmap_as_it_is_now_and_nothing_changes()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await RoadmapApiTests.CreateRoadmapAsync(factory, team);
        var page = $"/roadmaps/{roadmap.Id}";
        var action = roadmap.Horizons[2].Actions[0];
        using var mine = await factory.CreateBrowserClientAsync(team.Contributor);
        using var theirs = await factory.CreateBrowserClientAsync(team.Admin);
        var myForms = new FormPoster(mine);
        var theirForms = new FormPoster(theirs);
        var myPage = await FormPoster.ParseAsync(await mine.GetAsync(page));
        var theirPage = await FormPoster.ParseAsync(await theirs.GetAsync(page));

        var saved = await myForms.SubmitAsync(myPage, page, [KeyValuePair.Create("Owner", (string?)"Data team")], $"#action-{action.Id:N} form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.WithDbAsync(db => db.RoadmapActions.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Owner, a.Position, a.Status }).ToListAsync());

        var stale = new[]
        {
            await theirForms.SubmitAsync(theirPage, page, [KeyValuePair.Create("Owner", (string?)"IT office")], $"#action-{action.Id:N} form"),
            await theirForms.SubmitAsync(theirPage, page, [KeyValuePair.Create("Title", (string?)"Train the staff")], "form[action*='handler=Add']"),
            await theirForms.SubmitAsync(theirPage, page, [], $"#action-{action.Id:N} form[action*='handler=Remove']"),
            await theirForms.SubmitAsync(theirPage, page, [], $"#action-{roadmap.Horizons[2].Actions[1].Id:N} form[action*='handler=Move']"),
        };

        var pages = new List<AngleSharp.Dom.IDocument>();
        foreach (var response in stale)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await FormPoster.ParseAsync(response);
            pages.Add(html);
            Assert.Contains("Someone else changed this roadmap", html.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
            // The form shows what is stored now, not what was sent.
            Assert.Equal("Data team", html.QuerySelector($"#owner-{action.Id:N}")?.GetAttribute("value"));
        }
        // A new action overwrites nothing: its form keeps what was typed, on the version now stored, to be sent again.
        var addForm = pages[1].QuerySelector("form[action*='handler=Add']")!;
        Assert.Equal("Train the staff", addForm.QuerySelector("#new-title")?.GetAttribute("value"));
        Assert.NotEqual(theirPage.QuerySelector("form[action*='handler=Add'] input[name=Version]")?.GetAttribute("value"),
            addForm.QuerySelector("input[name=Version]")?.GetAttribute("value"));
        Assert.Equal(stored.Count, await factory.WithDbAsync(db => db.RoadmapActions.CountAsync()));
        Assert.Equal(stored, await factory.WithDbAsync(db => db.RoadmapActions.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Owner, a.Position, a.Status }).ToListAsync()));
    }

    [Fact]
    public async Task Another_organisations_member_gets_404_on_the_pages()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await RoadmapApiTests.CreateRoadmapAsync(factory, team);
        var other = await factory.CreateOrganisationAsync();
        using var browser = await factory.CreateBrowserClientAsync(other.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/roadmaps/{roadmap.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/roadmaps/{roadmap.Id}/print")).StatusCode);
    }

    [Fact]
    public async Task The_next_rounds_results_show_how_the_scores_of_the_roadmaps_topics_moved()
    {
        using var team = await factory.CreateTeamAsync();
        var questionnaire = factory.Questionnaire();
        var earlier = await team.ContributorApi.StartAsync(team.OrganisationId, round: AssessmentScenario.ThisYear - 1);
        await team.ContributorApi.AnswerEverythingAsync(earlier.Id, questionnaire, (q, _) => q.Key == "data_management.data_inventory" ? 1 : 2);
        await team.AdminApi.PostAsync($"/api/v1/assessments/{earlier.Id}/submit", null);
        await team.ContributorApi.PostAsync($"/api/v1/assessments/{earlier.Id}/roadmap", null);
        var later = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerEverythingAsync(later.Id, questionnaire, (q, _) => q.SectionKey == "data_management" ? 4 : 2);
        await team.AdminApi.PostAsync($"/api/v1/assessments/{later.Id}/submit", null);
        using var browser = await factory.CreateBrowserClientAsync(team.Viewer);

        var html = await browser.GetStringAsync($"/assessments/{later.Id}/results");
        var document = await FormPoster.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });

        var row = document.QuerySelector("[data-testid=roadmap-progress] tr[data-topic=data_management]");
        Assert.NotNull(row);
        Assert.Contains("Build a data catalogue of all your datasets", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("+53.6", row.QuerySelectorAll("td")[3].TextContent.Trim());
    }
}
