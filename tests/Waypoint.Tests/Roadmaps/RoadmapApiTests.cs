using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Waypoint.Data.Organisations;
using Waypoint.Features.Roadmaps;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;
using Waypoint.Tests.Recommendations;

namespace Waypoint.Tests.Roadmaps;

public sealed class RoadmapApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static JsonSerializerOptions Json => AssessmentScenario.Json;

    internal static async Task<RoadmapDto> CreateRoadmapAsync(WaypointFactory factory, AssessmentScenario.Team team)
    {
        await factory.WithDbAsync(async db =>
        {
            db.TopicTargets.Add(new TopicTarget { OrganisationId = team.OrganisationId, TopicKey = "data_management", TargetScore = 90, UpdatedById = team.Admin.Id });
            await db.SaveChangesAsync();
        });
        var assessment = await RecommendationsApiTests.SubmittedAsync(factory, team);
        var response = await team.ContributorApi.PostAsync($"/api/v1/assessments/{assessment.Id}/roadmap", null);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RoadmapDto>(Json))!;
    }

    /// <summary>Everything the roadmaps feature stores, as text: equal before and after means nothing changed.</summary>
    private Task<string> SnapshotAsync() => factory.WithDbAsync(async db =>
    {
        var roadmaps = await db.Roadmaps.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Version, r.UpdatedAt }).ToListAsync();
        var actions = await db.RoadmapActions.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Horizon, a.Position, a.Title, a.Description, a.Link, a.Owner, a.DueDate, a.Status }).ToListAsync();
        return JsonSerializer.Serialize(new { roadmaps, actions });
    });

    [Fact]
    public async Task A_roadmap_is_generated_by_horizon_with_each_actions_reason_help_and_procurement_checklist()
    {
        using var team = await factory.CreateTeamAsync();

        var roadmap = await CreateRoadmapAsync(factory, team);

        Assert.Equal(["quick_win", "one_year", "three_years"], roadmap.Horizons.Select(h => h.Horizon));
        var inventory = Assert.Single(roadmap.Actions, a => a.RecommendationKey == "local-data-inventory");
        Assert.Equal("one_year", inventory.Horizon);
        Assert.Equal((64.3m, 90, 25.7m), (inventory.Reason!.Score!.Value, inventory.Reason.Target!.Value, inventory.Reason.Gap!.Value));
        Assert.Equal("data_management.data_inventory", Assert.Single(inventory.Reason.Because).QuestionKey);
        Assert.Contains(inventory.Catalogue, c => c.Key == "dcat-ap" && c.Name == "DCAT Application Profile for data portals in Europe (DCAT-AP)");
        // Data management has a target with a gap: its three-year action comes before the other topics' ones.
        Assert.Equal("data_management", roadmap.Horizons[2].Actions[0].TopicKey);
        Assert.Equal("local-cybersecurity", Assert.Single(roadmap.Horizons[0].Actions).RecommendationKey);
        var procurement = roadmap.Actions.First(a => a.InvolvesProcurement);
        Assert.Contains(procurement.Checklist, s => s.CatalogueKey == "mims-plus" && s.Items.Any(i => i.Contains("NGSI-LD", StringComparison.Ordinal)));
        Assert.Contains(procurement.Checklist, s => s.CatalogueKey == "eu-ai-model-clauses");
        Assert.All(roadmap.Actions.Where(a => !a.InvolvesProcurement), a => Assert.Empty(a.Checklist));
        Assert.True(roadmap.CanEdit);
    }

    [Fact]
    public async Task A_second_roadmap_for_the_same_assessment_and_one_for_a_draft_are_refused_with_409()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await CreateRoadmapAsync(factory, team);
        var draft = await team.ContributorApi.StartAsync(team.OrganisationId, round: AssessmentScenario.ThisYear - 1);

        var again = await team.ContributorApi.PostAsync($"/api/v1/assessments/{roadmap.AssessmentId}/roadmap", null);
        var fromDraft = await team.ContributorApi.PostAsync($"/api/v1/assessments/{draft.Id}/roadmap", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(roadmap.Id.ToString(), (await again.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, fromDraft.StatusCode);
    }

    [Fact]
    public async Task Members_edit_it_add_their_own_action_reorder_and_remove()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await CreateRoadmapAsync(factory, team);
        var first = roadmap.Horizons[2].Actions[0];
        var second = roadmap.Horizons[2].Actions[1];

        var version = roadmap.Version;

        var updated = await team.ContributorApi.PutAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{first.Id}",
            new { owner = "Data team", dueDate = "2027-03-31", status = "in_progress", version });
        var added = await team.ContributorApi.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions",
            new { title = "Hire a data steward", description = "One post, shared with the neighbouring town.", link = "https://example.eu/post", horizon = "quick_win", involvesProcurement = true, version = version + 1 });
        var moved = await team.ContributorApi.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{second.Id}/move", new { direction = "up", version = version + 2 });
        var removed = await team.AdminApi.DeleteAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{first.Id}?version={version + 3}");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var action = (await updated.Content.ReadFromJsonAsync<RoadmapActionDto>(Json))!;
        Assert.Equal(("Data team", new DateOnly(2027, 3, 31), "in_progress"), (action.Owner, action.DueDate!.Value, action.Status));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var own = (await added.Content.ReadFromJsonAsync<RoadmapActionDto>(Json))!;
        Assert.True(own.Own);
        Assert.NotEmpty(own.Checklist);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(second.Id, (await moved.Content.ReadFromJsonAsync<RoadmapDto>(Json))!.Horizons[2].Actions[0].Id);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var after = (await team.ViewerApi.GetFromJsonAsync<RoadmapDto>($"/api/v1/roadmaps/{roadmap.Id}", Json))!;
        Assert.DoesNotContain(after.Actions, a => a.Id == first.Id);
        Assert.Equal("Hire a data steward", after.Horizons[0].Actions[^1].Title);
        Assert.False(after.CanEdit);
        Assert.Equal(version + 4, after.Version);
    }

    [Fact]
    public async Task Of_two_editors_who_read_the_same_version_the_second_is_refused_with_409_and_nothing_changes()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await CreateRoadmapAsync(factory, team);
        var read = roadmap.Version;
        var first = roadmap.Horizons[2].Actions[0];
        var second = roadmap.Horizons[2].Actions[1];

        var mine = await team.ContributorApi.PutAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{first.Id}", new { owner = "Data team", version = read });
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var before = await SnapshotAsync();

        var stale = new[]
        {
            await team.AdminApi.PutAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{first.Id}", new { owner = "IT office", status = "done", version = read }),
            await team.AdminApi.PutAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{second.Id}", new { dueDate = "2027-01-31", version = read }),
            await team.AdminApi.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions", new { title = "Mine", horizon = "quick_win", version = read }),
            await team.AdminApi.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{second.Id}/move", new { direction = "up", version = read }),
            await team.AdminApi.DeleteAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{second.Id}?version={read}"),
        };

        foreach (var response in stale)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal(read + 1, problem.GetProperty("currentVersion").GetInt32());
            Assert.Contains("Someone else changed this roadmap", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await SnapshotAsync());
        var now = (await team.ViewerApi.GetFromJsonAsync<RoadmapDto>($"/api/v1/roadmaps/{roadmap.Id}", Json))!;
        Assert.Equal("Data team", now.Actions.Single(a => a.Id == first.Id).Owner);

        // Read again, the same change goes through.
        var retried = await team.AdminApi.PutAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{first.Id}", new { owner = "IT office", version = now.Version });
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task A_change_without_the_version_is_refused_with_a_problem_naming_the_field_and_nothing_changes()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await CreateRoadmapAsync(factory, team);
        var action = roadmap.Actions.First();
        var before = await SnapshotAsync();

        var responses = new[]
        {
            await team.ContributorApi.PutAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{action.Id}", new { owner = "Me" }),
            await team.ContributorApi.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions", new { title = "Mine", horizon = "quick_win" }),
            await team.ContributorApi.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{action.Id}/move", new { direction = "down" }),
            await team.ContributorApi.DeleteAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{action.Id}"),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("version", out _));
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_viewer_may_read_but_not_change_it()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await CreateRoadmapAsync(factory, team);
        var action = roadmap.Actions.First();
        var before = await SnapshotAsync();

        var update = await team.ViewerApi.PutAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{action.Id}", new { owner = "Me", roadmap.Version });
        var add = await team.ViewerApi.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions", new { title = "Mine", horizon = "quick_win", roadmap.Version });
        var remove = await team.ViewerApi.DeleteAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{action.Id}?version={roadmap.Version}");

        Assert.Equal(HttpStatusCode.OK, (await team.ViewerApi.GetAsync($"/api/v1/roadmaps/{roadmap.Id}")).StatusCode);
        Assert.All([update, add, remove], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_member_of_another_organisation_gets_404_everywhere_and_nothing_changes()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await CreateRoadmapAsync(factory, team);
        var action = roadmap.Actions.First();
        var other = await factory.CreateOrganisationAsync();
        using var stranger = await factory.CreateApiClientAsync(other.Admin);
        var before = await SnapshotAsync();

        var responses = new[]
        {
            await stranger.GetAsync($"/api/v1/roadmaps/{roadmap.Id}"),
            await stranger.GetAsync($"/api/v1/roadmaps/{roadmap.Id}/roadmap.pdf"),
            await stranger.PutAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{action.Id}", new { owner = "Me", roadmap.Version }),
            await stranger.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions", new { title = "Mine", horizon = "quick_win", roadmap.Version }),
            await stranger.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{action.Id}/move", new { direction = "down", roadmap.Version }),
            await stranger.DeleteAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{action.Id}?version={roadmap.Version}"),
            await stranger.PostAsync($"/api/v1/assessments/{roadmap.AssessmentId}/roadmap", null),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("link", "javascript:alert(1)")]
    [InlineData("link", "not a link")]
    [InlineData("title", "<script>alert(1)</script>")]
    [InlineData("description", "Nice &#60;b&#62; trick")]
    [InlineData("owner", "<b>Boss</b>")]
    [InlineData("description", "LONG")]
    [InlineData("dueDate", "31/03/2027")]
    [InlineData("status", "finished")]
    public async Task Bad_input_is_refused_with_a_problem_naming_the_field_and_nothing_changes(string field, string value)
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await CreateRoadmapAsync(factory, team);
        var text = value == "LONG" ? new string('a', 2001) : value;
        var body = new Dictionary<string, object?> { ["title"] = "A valid title", ["horizon"] = "one_year", ["version"] = roadmap.Version, [field] = text };
        var before = await SnapshotAsync();

        var response = await team.ContributorApi.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_title_of_an_action_from_a_recommendation_cannot_be_rewritten()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await CreateRoadmapAsync(factory, team);
        var before = await SnapshotAsync();

        var response = await team.ContributorApi.PutAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions/{roadmap.Actions.First().Id}", new { title = "Mine now", roadmap.Version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_pdf_holds_every_action()
    {
        using var team = await factory.CreateTeamAsync();
        var roadmap = await CreateRoadmapAsync(factory, team);
        await team.ContributorApi.PostAsJsonAsync($"/api/v1/roadmaps/{roadmap.Id}/actions", new { title = "Ενημέρωση των υπαλλήλων – обучение персонала", horizon = "quick_win", roadmap.Version });

        var response = await team.ViewerApi.GetAsync($"/api/v1/roadmaps/{roadmap.Id}/roadmap.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        foreach (var action in roadmap.Actions)
        {
            foreach (var word in action.Title.Split(' ')) Assert.Contains(word, text, StringComparison.Ordinal);
        }
        Assert.Contains("Ενημέρωση", text, StringComparison.Ordinal);
        Assert.Contains("обучение", text, StringComparison.Ordinal);
    }
}
