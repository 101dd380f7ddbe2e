using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Organisations;
using Waypoint.Features.Organisations;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Organisations;

public sealed class OrganisationApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static string Url(OrganisationScenario.Arranged arranged, string rest = "") => $"/api/v1/organisations/{arranged.OrganisationId}{rest}";

    private async Task<(OrganisationScenario.Arranged Arranged, HttpClient AdminApi)> OrganisationAsync()
    {
        var arranged = await factory.CreateOrganisationAsync();
        return (arranged, await factory.CreateApiClientAsync(arranged.Admin));
    }

    // Profile

    [Fact]
    public async Task An_admin_saves_the_living_in_eu_status_and_sub_groups_and_the_version_moves_on()
    {
        var (arranged, api) = await OrganisationAsync();

        var response = await api.PutAsJsonAsync(Url(arranged), new { livingInEuStatus = "signatory", subGroups = new[] { "Technical", "legal" }, version = 0 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var organisation = await response.ReadAsync<OrganisationDto>();
        Assert.Equal(LivingInEuStatus.Signatory, organisation.LivingInEuStatus);
        Assert.Equal([SubGroups.Legal, SubGroups.Technical], organisation.SubGroups);
        Assert.Equal(1, organisation.Version);
        var json = await (await api.GetAsync(Url(arranged))).Content.ReadAsStringAsync();
        Assert.Contains("\"livingInEuStatus\":\"Signatory\"", json, StringComparison.Ordinal);
        Assert.Contains("\"subGroups\":[\"Legal\",\"Technical\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_version_is_a_409_with_the_current_version_and_does_not_overwrite_the_newer_save()
    {
        var (arranged, api) = await OrganisationAsync();
        var otherAdmin = await factory.AddMemberAsync(arranged.OrganisationId, OrganisationRole.Admin);
        using var otherApi = await factory.CreateApiClientAsync(otherAdmin);
        Assert.Equal(HttpStatusCode.OK, (await otherApi.PutAsJsonAsync(Url(arranged), new { livingInEuStatus = "Supporter", subGroups = new[] { "Monitoring" }, version = 0 })).StatusCode);
        var before = await factory.SnapshotAsync();

        var stale = await api.PutAsJsonAsync(Url(arranged), new { livingInEuStatus = "Signatory", subGroups = Array.Empty<string>(), version = 0 });

        var problem = await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt32());
        Assert.Contains("Someone changed this organisation after you opened it", problem.Detail(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
        var stored = await factory.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == arranged.OrganisationId));
        Assert.Equal((LivingInEuStatus.Supporter, SubGroups.Monitoring), (stored.LivingInEuStatus, stored.SubGroups));
    }

    [Theory]
    [InlineData("""{"livingInEuStatus":"Member","subGroups":[],"version":0}""", "livingInEuStatus", "None, Supporter, Signatory")]
    [InlineData("""{"livingInEuStatus":"1","subGroups":[],"version":0}""", "livingInEuStatus", "None, Supporter, Signatory")]
    [InlineData("""{"livingInEuStatus":"Supporter","subGroups":["Legal","Cooking"],"version":0}""", "subGroups", "'Cooking' is not a sub-group")]
    [InlineData("""{"livingInEuStatus":"Supporter","subGroups":["None"],"version":0}""", "subGroups", "'None' is not a sub-group")]
    [InlineData("""{"livingInEuStatus":"Supporter","version":0}""", "subGroups", "an empty list for none")]
    [InlineData("""{"livingInEuStatus":"Supporter","subGroups":[]}""", "version", "Send the version")]
    public async Task A_profile_with_an_invalid_value_is_refused_with_the_allowed_values_and_nothing_changes(string body, string field, string message)
    {
        var (arranged, api) = await OrganisationAsync();
        var before = await factory.SnapshotAsync();

        var response = await api.PutAsync(Url(arranged), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.FieldErrors(field), m => m.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Theory]
    [InlineData(OrganisationRole.Viewer)]
    [InlineData(OrganisationRole.Contributor)]
    public async Task Members_below_admin_read_the_organisation_but_cannot_change_it(OrganisationRole role)
    {
        var (arranged, _) = await OrganisationAsync();
        var member = await factory.AddMemberAsync(arranged.OrganisationId, role);
        using var api = await factory.CreateApiClientAsync(member);
        var before = await factory.SnapshotAsync();

        var organisation = await (await api.GetAsync(Url(arranged))).ReadAsync<OrganisationDto>();
        Assert.Equal(role, organisation.YourRole);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Url(arranged, "/invitations"))).StatusCode);

        var forbidden = new[]
        {
            await api.PutAsJsonAsync(Url(arranged), new { livingInEuStatus = "Signatory", subGroups = Array.Empty<string>(), version = 0 }),
            await api.PostAsJsonAsync(Url(arranged, "/invitations"), new { email = "someone@example.eu", role = "Viewer" }),
            await api.PutAsJsonAsync(Url(arranged, $"/members/{member.Id}"), new { role = "Admin" }),
            await api.PutAsJsonAsync(Url(arranged, $"/members/{arranged.Admin.Id}"), new { role = "Viewer" }),
            await api.DeleteAsync(Url(arranged, $"/members/{arranged.Admin.Id}")),
        };
        foreach (var response in forbidden)
        {
            var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains($"Your role in this organisation ({role}) may not do this", problem.Detail(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    // Members

    [Fact]
    public async Task An_admin_changes_a_members_role_and_removes_a_member()
    {
        var (arranged, api) = await OrganisationAsync();
        var viewer = await factory.AddMemberAsync(arranged.OrganisationId, OrganisationRole.Viewer);
        var contributor = await factory.AddMemberAsync(arranged.OrganisationId, OrganisationRole.Contributor);

        var promoted = await api.PutAsJsonAsync(Url(arranged, $"/members/{viewer.Id}"), new { role = "Admin" });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(OrganisationRole.Admin, (await promoted.ReadAsync<MemberDto>()).Role);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(Url(arranged, $"/members/{contributor.Id}"))).StatusCode);

        var members = (await (await api.GetAsync(Url(arranged))).ReadAsync<OrganisationDto>()).Members;
        Assert.Equal(2, members.Count);
        Assert.All(members, m => Assert.Equal(OrganisationRole.Admin, m.Role));
        Assert.DoesNotContain(members, m => m.UserId == contributor.Id);
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_demoted_nor_removed()
    {
        var (arranged, api) = await OrganisationAsync();
        await factory.AddMemberAsync(arranged.OrganisationId, OrganisationRole.Contributor);
        var before = await factory.SnapshotAsync();

        var demoted = await (await api.PutAsJsonAsync(Url(arranged, $"/members/{arranged.Admin.Id}"), new { role = "Contributor" })).ProblemAsync(HttpStatusCode.Conflict);
        var removed = await (await api.DeleteAsync(Url(arranged, $"/members/{arranged.Admin.Id}"))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("last admin", demoted.Detail(), StringComparison.Ordinal);
        Assert.Contains("last admin", removed.Detail(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task An_admin_steps_down_once_another_admin_exists()
    {
        var (arranged, api) = await OrganisationAsync();
        var colleague = await factory.AddMemberAsync(arranged.OrganisationId, OrganisationRole.Contributor);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(Url(arranged, $"/members/{colleague.Id}"), new { role = "Admin" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(Url(arranged, $"/members/{arranged.Admin.Id}"), new { role = "Viewer" })).StatusCode);

        var roles = await factory.WithDbAsync(db => db.OrganisationMemberships.Where(m => m.OrganisationId == arranged.OrganisationId)
            .ToDictionaryAsync(m => m.UserId, m => m.Role));
        Assert.Equal(OrganisationRole.Viewer, roles[arranged.Admin.Id]);
        Assert.Equal(OrganisationRole.Admin, roles[colleague.Id]);
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        for (var round = 0; round < 3; round++)
        {
            var (arranged, api) = await OrganisationAsync();
            var other = await factory.AddMemberAsync(arranged.OrganisationId, OrganisationRole.Admin);
            using var otherApi = await factory.CreateApiClientAsync(other);

            var responses = await Task.WhenAll(
                api.PutAsJsonAsync(Url(arranged, $"/members/{other.Id}"), new { role = "Viewer" }),
                otherApi.PutAsJsonAsync(Url(arranged, $"/members/{arranged.Admin.Id}"), new { role = "Viewer" }));

            // The second is refused: with a conflict when both passed the role check at once, or as no longer an admin.
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Single(responses, r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden);
            Assert.Equal(1, await factory.WithDbAsync(db => db.OrganisationMemberships
                .CountAsync(m => m.OrganisationId == arranged.OrganisationId && m.Role == OrganisationRole.Admin)));
        }
    }

    [Fact]
    public async Task An_invalid_role_or_an_unknown_member_is_refused_and_nothing_changes()
    {
        var (arranged, api) = await OrganisationAsync();
        var viewer = await factory.AddMemberAsync(arranged.OrganisationId, OrganisationRole.Viewer);
        var before = await factory.SnapshotAsync();

        var invalid = await (await api.PutAsJsonAsync(Url(arranged, $"/members/{viewer.Id}"), new { role = "Owner" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Choose a role: one of Viewer, Contributor, Admin.", invalid.FieldErrors("role")[0]);
        await (await api.PutAsJsonAsync(Url(arranged, $"/members/{viewer.Id}"), new { role = "2" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await api.PutAsJsonAsync(Url(arranged, "/members/no-such-user"), new { role = "Viewer" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await api.DeleteAsync(Url(arranged, "/members/no-such-user"))).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await factory.SnapshotAsync());
    }

    // Invitations

    [Fact]
    public async Task Re_inviting_the_same_email_replaces_the_open_invitation_and_only_the_newest_link_works()
    {
        var (arranged, api) = await OrganisationAsync();
        var invitee = await factory.CreateUserAsync();
        using var inviteeApi = await factory.CreateApiClientAsync(invitee);

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(Url(arranged, "/invitations"), new { email = invitee.Email, role = "Viewer" })).StatusCode);
        var firstToken = factory.InvitationTokenSentTo(invitee.Email);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(Url(arranged, "/invitations"), new { email = invitee.Email.ToUpperInvariant(), role = "Admin" })).StatusCode);
        var secondToken = factory.InvitationTokenSentTo(invitee.Email.ToUpperInvariant());
        Assert.NotEqual(firstToken, secondToken);

        var open = await (await api.GetAsync(Url(arranged, "/invitations"))).ReadAsync<List<InvitationDto>>();
        Assert.Equal(OrganisationRole.Admin, Assert.Single(open).Role);
        var stale = await (await inviteeApi.PostAsJsonAsync("/api/v1/organisations/invitations/accept", new { token = firstToken })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("withdrawn or replaced", stale.Detail(), StringComparison.Ordinal);
        var accepted = await inviteeApi.PostAsJsonAsync("/api/v1/organisations/invitations/accept", new { token = secondToken });
        Assert.Equal(OrganisationRole.Admin, (await accepted.ReadAsync<AcceptedInvitationDto>()).Role);
    }

    [Fact]
    public async Task A_revoked_invitation_cannot_be_accepted()
    {
        var (arranged, api) = await OrganisationAsync();
        var invitee = await factory.CreateUserAsync();
        var invitation = await (await api.PostAsJsonAsync(Url(arranged, "/invitations"), new { email = invitee.Email, role = "Viewer" })).ReadAsync<InvitationDto>();
        var token = factory.InvitationTokenSentTo(invitee.Email);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(Url(arranged, $"/invitations/{invitation.Id}"))).StatusCode);
        await (await api.DeleteAsync(Url(arranged, $"/invitations/{invitation.Id}"))).ProblemAsync(HttpStatusCode.Conflict);

        using var inviteeApi = await factory.CreateApiClientAsync(invitee);
        await (await inviteeApi.PostAsJsonAsync("/api/v1/organisations/invitations/accept", new { token })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(await (await api.GetAsync(Url(arranged, "/invitations"))).ReadAsync<List<InvitationDto>>());
        Assert.False(await factory.WithDbAsync(db => db.OrganisationMemberships.AnyAsync(m => m.UserId == invitee.Id)));
    }

    [Fact]
    public async Task An_expired_invitation_cannot_be_accepted_and_is_no_longer_listed()
    {
        var (arranged, api) = await OrganisationAsync();
        var invitee = await factory.CreateUserAsync();
        var invitation = await (await api.PostAsJsonAsync(Url(arranged, "/invitations"), new { email = invitee.Email, role = "Viewer" })).ReadAsync<InvitationDto>();
        var token = factory.InvitationTokenSentTo(invitee.Email);
        await factory.WithDbAsync(db => db.OrganisationInvitations.Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        using var inviteeApi = await factory.CreateApiClientAsync(invitee);
        var problem = await (await inviteeApi.PostAsJsonAsync("/api/v1/organisations/invitations/accept", new { token })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("This invitation expired on", problem.Detail(), StringComparison.Ordinal);
        Assert.Empty(await (await api.GetAsync(Url(arranged, "/invitations"))).ReadAsync<List<InvitationDto>>());
        Assert.False(await factory.WithDbAsync(db => db.OrganisationMemberships.AnyAsync(m => m.UserId == invitee.Id)));
    }

    [Fact]
    public async Task An_invitation_cannot_be_accepted_by_an_account_with_another_email()
    {
        var (arranged, api) = await OrganisationAsync();
        var invitee = await factory.CreateUserAsync();
        await api.PostAsJsonAsync(Url(arranged, "/invitations"), new { email = invitee.Email, role = "Admin" });
        var token = factory.InvitationTokenSentTo(invitee.Email);
        var stranger = await factory.CreateUserAsync();
        using var strangerApi = await factory.CreateApiClientAsync(stranger);
        var before = await factory.SnapshotAsync();

        var problem = await (await strangerApi.PostAsJsonAsync("/api/v1/organisations/invitations/accept", new { token })).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("sent to another email address", problem.Detail(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task An_unknown_or_missing_token_is_refused()
    {
        var user = await factory.CreateUserAsync();
        using var api = await factory.CreateApiClientAsync(user);
        await (await api.PostAsJsonAsync("/api/v1/organisations/invitations/accept", new { token = "not-a-real-token" })).ProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await api.PostAsJsonAsync("/api/v1/organisations/invitations/accept", new { token = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.FieldErrors("token"));
    }

    [Theory]
    [InlineData(null, "Viewer", "email", "Enter the email address")]
    [InlineData("not-an-email", "Viewer", "email", "Enter an email address like name@town.eu.")]
    [InlineData("two@example.eu, three@example.eu", "Viewer", "email", "Enter an email address like name@town.eu.")]
    [InlineData("Name <name@example.eu>", "Viewer", "email", "Enter an email address like name@town.eu.")]
    [InlineData("someone@example.eu", "Owner", "role", "Choose a role: one of Viewer, Contributor, Admin.")]
    [InlineData("someone@example.eu", null, "role", "Choose a role")]
    public async Task An_invitation_with_a_bad_email_or_role_is_refused_and_nothing_is_stored_or_sent(string? email, string? role, string field, string message)
    {
        var (arranged, api) = await OrganisationAsync();
        var before = await factory.SnapshotAsync();

        var problem = await (await api.PostAsJsonAsync(Url(arranged, "/invitations"), new { email, role })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.FieldErrors(field), m => m.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await factory.SnapshotAsync());
        Assert.Empty(factory.EmailsTo("someone@example.eu"));
    }

    [Fact]
    public async Task An_email_longer_than_256_characters_is_refused()
    {
        var (arranged, api) = await OrganisationAsync();
        var email = new string('a', 250) + "@example.eu";
        var problem = await (await api.PostAsJsonAsync(Url(arranged, "/invitations"), new { email, role = "Viewer" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("256 characters or fewer", problem.FieldErrors("email")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_someone_who_is_already_a_member_is_refused()
    {
        var (arranged, api) = await OrganisationAsync();
        var member = await factory.AddMemberAsync(arranged.OrganisationId, OrganisationRole.Viewer);
        var problem = await (await api.PostAsJsonAsync(Url(arranged, "/invitations"), new { email = member.Email.ToUpperInvariant(), role = "Admin" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("is already a member", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_invitation_email_names_the_organisation_and_the_role_and_links_to_the_accept_page()
    {
        var (arranged, api) = await OrganisationAsync();
        const string email = "new.colleague@example.eu";
        await api.PostAsJsonAsync(Url(arranged, "/invitations"), new { email, role = "Contributor" });

        var message = Assert.Single(factory.EmailsTo(email));
        Assert.Equal($"You are invited to join {arranged.AuthorityName} on Waypoint", message.Subject);
        Assert.Contains("as Contributor", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/organisations/invitations/", message.TextBody, StringComparison.Ordinal);
    }
}
