using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Data.GoodPractices;
using Waypoint.Features.GoodPractices;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.GoodPractices;

public sealed class GoodPracticeApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private async Task<HttpClient> EditorAsync() => await factory.CreateApiClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Editor));

    private static async Task<SharedGoodPracticeDto> PublishedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Publish answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<SharedGoodPracticeDto>();
    }

    private async Task<GoodPracticeResults> SearchAsync(string query)
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync("/api/v1/good-practices?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Search answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<GoodPracticeResults>();
    }

    [Fact]
    public async Task A_shared_good_practice_waits_for_an_editor_and_is_not_public_until_approved()
    {
        var (team, assessmentId) = await factory.SubmittedWithPracticeAsync(solutionName: "Bürgerportal Quellstadt");
        using var owned = team;
        var shared = await PublishedAsync(await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices",
            GoodPracticeScenario.PublishBody(assessmentId, title: "Bürgerportal Quellstadt")));

        Assert.Equal(GoodPracticeStatus.Pending, shared.Status);
        Assert.Empty((await SearchAsync("q=burgerportal+quellstadt")).Items);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/good-practices/{shared.Id}")).StatusCode);
        var listed = await team.ViewerApi.GetFromJsonAsync<List<PublishableGoodPracticeDto>>($"/api/v1/good-practices/organisations/{team.OrganisationId}", OrganisationScenario.Json);
        Assert.Equal(GoodPracticeStatus.Pending, Assert.Single(listed!).Shared?.Status);
    }

    [Fact]
    public async Task An_editor_approves_with_corrections_and_the_library_finds_it_without_accents_with_the_authority_name()
    {
        var (team, assessmentId) = await factory.SubmittedWithPracticeAsync();
        using var owned = team;
        var shared = await PublishedAsync(await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId)));
        using var editor = await EditorAsync();

        var approve = await editor.PostAsJsonAsync($"/api/v1/good-practices/moderation/{shared.Id}/approve", new
        {
            version = shared.Version,
            changes = new { title = "Géoportail ouvert de Zwölfbrücken", url = "https://geo.example.eu/open", description = "Les couches de la carte sont ouvertes." },
        });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);

        var found = Assert.Single((await SearchAsync("q=geoportail+zwolfbrucken")).Items);
        Assert.Equal(shared.Id, found.Id);
        Assert.Equal("Géoportail ouvert de Zwölfbrücken", found.Title);
        Assert.Equal(shared.AuthorityName, found.AuthorityName);
        Assert.Single((await SearchAsync($"q={Uri.EscapeDataString(shared.AuthorityName)}+couches")).Items);
        var email = await factory.LastMessageToAsync(team.Admin.Email);
        Assert.Contains("Géoportail ouvert de Zwölfbrücken", email.Subject, StringComparison.Ordinal);
        Assert.Equal($"/good-practices/{shared.Id}", email.LinkTo("/good-practices/").AbsolutePath);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_which_the_admins_receive_and_the_organisation_may_share_it_again()
    {
        var (team, assessmentId) = await factory.SubmittedWithPracticeAsync();
        using var owned = team;
        var shared = await PublishedAsync(await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId)));
        using var editor = await EditorAsync();

        var noReason = await editor.PostAsJsonAsync($"/api/v1/good-practices/moderation/{shared.Id}/reject", new { version = shared.Version, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.ProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _));

        var rejected = await editor.PostAsJsonAsync($"/api/v1/good-practices/moderation/{shared.Id}/reject",
            new { version = shared.Version, reason = "It names a private company's staff." });
        Assert.Equal(GoodPracticeStatus.Rejected, (await rejected.ReadAsync<SharedGoodPracticeDto>()).Status);
        var email = await factory.LastMessageToAsync(team.Admin.Email);
        Assert.Contains("It names a private company's staff.", email.TextBody, StringComparison.Ordinal);

        var again = await PublishedAsync(await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId, title: "Open geodata portal, reworded")));
        Assert.Equal(shared.Id, again.Id);
        Assert.Equal(GoodPracticeStatus.Pending, again.Status);
    }

    [Theory]
    [InlineData("title", "<script>alert(1)</script>", "title")]
    [InlineData("description", "Nice <img src=x onerror=alert(1)>", "description")]
    [InlineData("url", "javascript:alert(1)", "url")]
    [InlineData("url", "geo.example.eu", "url")]
    [InlineData("description", "TOO_LONG", "description")]
    [InlineData("title", "", "title")]
    public async Task Sharing_refuses_markup_bad_links_and_oversized_text_and_stores_nothing(string field, string value, string errorField)
    {
        var (team, assessmentId) = await factory.SubmittedWithPracticeAsync();
        using var owned = team;
        var body = new Dictionary<string, object?>
        {
            ["assessmentId"] = assessmentId,
            ["topicKey"] = GoodPracticeScenario.Topic,
            ["title"] = "A title",
            ["url"] = null,
            ["description"] = "Plain text.",
        };
        body[field] = value == "TOO_LONG" ? new string('a', SharedGoodPractice.DescriptionMaxLength + 1) : value;
        var before = await factory.ShareSnapshotAsync();

        var response = await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(errorField, out var messages), errors.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(before, await factory.ShareSnapshotAsync());
    }

    [Fact]
    public async Task Only_the_organisations_admins_share_and_others_learn_nothing_about_the_assessment()
    {
        var (team, assessmentId) = await factory.SubmittedWithPracticeAsync();
        using var owned = team;
        using var stranger = await factory.CreateApiClientAsync(await factory.CreateUserAsync());
        var before = await factory.ShareSnapshotAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await team.ContributorApi.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/good-practices/organisations/{team.OrganisationId}")).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId))).StatusCode);
        Assert.Equal(before, await factory.ShareSnapshotAsync());
    }

    [Fact]
    public async Task A_draft_assessments_good_practice_cannot_be_shared()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        (await team.ContributorApi.PutAsJsonAsync($"/api/v1/assessments/{assessment.Id}/good-practices/{GoodPracticeScenario.Topic}",
            new { solutionName = "Draft idea", version = 0 })).EnsureSuccessStatusCode();

        var response = await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessment.Id));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.SharedGoodPractices.CountAsync(p => p.AssessmentId == assessment.Id)));
    }

    [Fact]
    public async Task Approving_or_rejecting_without_the_editor_role_is_forbidden_and_changes_nothing()
    {
        var (team, assessmentId) = await factory.SubmittedWithPracticeAsync();
        using var owned = team;
        var shared = await PublishedAsync(await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId)));
        var before = await factory.ShareSnapshotAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await team.AdminApi.PostAsJsonAsync($"/api/v1/good-practices/moderation/{shared.Id}/approve", new { version = shared.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.AdminApi.PostAsJsonAsync($"/api/v1/good-practices/moderation/{shared.Id}/reject", new { version = shared.Version, reason = "No." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.AdminApi.GetAsync("/api/v1/good-practices/moderation")).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/good-practices/moderation/{shared.Id}/approve", new { version = shared.Version })).StatusCode);
        Assert.Equal(before, await factory.ShareSnapshotAsync());
    }

    [Fact]
    public async Task An_editor_cannot_approve_corrections_holding_markup_or_a_stale_version()
    {
        var (team, assessmentId) = await factory.SubmittedWithPracticeAsync();
        using var owned = team;
        var shared = await PublishedAsync(await team.AdminApi.PostAsJsonAsync("/api/v1/good-practices", GoodPracticeScenario.PublishBody(assessmentId)));
        using var editor = await EditorAsync();
        var before = await factory.ShareSnapshotAsync();

        var markup = await editor.PostAsJsonAsync($"/api/v1/good-practices/moderation/{shared.Id}/approve",
            new { version = shared.Version, changes = new { title = "Fine", description = "<b>bold</b>" } });
        var stale = await editor.PostAsJsonAsync($"/api/v1/good-practices/moderation/{shared.Id}/approve", new { version = shared.Version + 5 });

        Assert.Equal(HttpStatusCode.BadRequest, markup.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(before, await factory.ShareSnapshotAsync());
    }

    [Fact]
    public async Task The_library_filters_by_topic_country_type_and_population_band_and_refuses_unknown_filters()
    {
        var (organisationId, assessmentId, _) = await factory.CreateEntryAsync(1990, new Dictionary<string, double> { ["governance"] = 50 });
        var marker = "filtermarker" + Guid.NewGuid().ToString("N")[..8];
        var match = await factory.AddPracticeAsync(organisationId, assessmentId, $"Data office {marker}", topicKey: "data_management", country: "AT",
            band: Data.Benchmarks.PopulationBand.From20000To99999);
        await factory.AddPracticeAsync(organisationId, assessmentId, $"Governance board {marker}", topicKey: "governance", country: "AT");
        await factory.AddPracticeAsync(organisationId, assessmentId, $"Pending one {marker}", topicKey: "technology", country: "AT",
            status: GoodPracticeStatus.Pending);

        Assert.Equal(2, (await SearchAsync($"q={marker}")).Total);
        Assert.Equal(match, Assert.Single((await SearchAsync($"q={marker}&topic=data_management&country=AT&type=municipality&band=from20000To99999")).Items).Id);
        Assert.Empty((await SearchAsync($"q={marker}&country=FR")).Items);
        Assert.Empty((await SearchAsync($"q={marker}&type=region")).Items);

        using var anonymous = factory.CreateClient();
        var bad = await anonymous.GetAsync("/api/v1/good-practices?topic=cooking&country=XX&band=huge");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("topic", out _) && errors.TryGetProperty("country", out _) && errors.TryGetProperty("band", out _), errors.ToString());
    }

    [Fact]
    public async Task Peers_strong_where_an_organisation_is_weak_shows_practices_of_the_top_quarter_only_and_never_their_scores()
    {
        const int round = 1995;
        var weak = await factory.CreateEntryAsync(round, new Dictionary<string, double> { ["governance"] = 10, ["data_management"] = 90 });
        var strong = await factory.CreateEntryAsync(round, new Dictionary<string, double> { ["governance"] = 97.5 });
        var middling = await factory.CreateEntryAsync(round, new Dictionary<string, double> { ["governance"] = 40 });
        for (var i = 0; i < 4; i++) await factory.CreateEntryAsync(round, new Dictionary<string, double> { ["governance"] = 30 + (i * 10), ["data_management"] = 20 });
        var strongPractice = await factory.AddPracticeAsync(strong.OrganisationId, strong.AssessmentId, "Digital board of the strong town");
        await factory.AddPracticeAsync(middling.OrganisationId, middling.AssessmentId, "Idea of the middling town");
        using var member = await factory.CreateApiClientAsync(await factory.AddMemberAsync(weak.OrganisationId, Data.Organisations.OrganisationRole.Viewer));

        var response = await member.GetAsync($"/api/v1/good-practices/organisations/{weak.OrganisationId}/peers-strong");
        var text = await response.Content.ReadAsStringAsync();
        var result = JsonSerializer.Deserialize<PeerStrengthsDto>(text, OrganisationScenario.Json)!;

        Assert.Equal(round, result.Round);
        var topic = Assert.Single(result.WeakTopics);
        Assert.Equal("governance", topic.TopicKey);
        Assert.Equal(10, topic.OwnScore);
        Assert.Equal(strongPractice, Assert.Single(topic.Practices).Id);
        Assert.DoesNotContain("97.5", text, StringComparison.Ordinal);

        using var stranger = await factory.CreateApiClientAsync(await factory.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/good-practices/organisations/{weak.OrganisationId}/peers-strong")).StatusCode);
    }

    [Fact]
    public async Task Peers_strong_says_nothing_about_a_round_with_fewer_organisations_than_the_minimum_group()
    {
        const int round = 1996;
        var weak = await factory.CreateEntryAsync(round, new Dictionary<string, double> { ["governance"] = 10 });
        for (var i = 0; i < 3; i++) await factory.CreateEntryAsync(round, new Dictionary<string, double> { ["governance"] = 90 });
        using var admin = await factory.CreateApiClientAsync(weak.Admin);

        var result = await admin.GetFromJsonAsync<PeerStrengthsDto>($"/api/v1/good-practices/organisations/{weak.OrganisationId}/peers-strong", OrganisationScenario.Json);

        Assert.Empty(result!.WeakTopics);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.75, 3.25)]
    [InlineData(new[] { 7.0 }, 0.5, 7)]
    public void Quantiles_interpolate_between_the_nearest_ranks(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, PeerStrengths.Quantile(sorted, p), 6);
}
