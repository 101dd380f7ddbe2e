using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Data.Authorities;
using Waypoint.Data.Organisations;
using Waypoint.Features.Organisations;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Organisations;

public sealed class ClaimApiTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private const string Claims = "/api/v1/organisations/claims";

    private static object ValidClaim(int authorityId) =>
        new { authorityId, jobTitle = "Head of IT", justification = "My official address is on the town's website." };

    private async Task<(TestUser User, HttpClient Api)> SignedInAsync(params string[] roles)
    {
        var user = await factory.CreateUserAsync(roles: roles);
        return (user, await factory.CreateApiClientAsync(user));
    }

    private async Task<ClaimDto> ClaimAsync(HttpClient api, int authorityId)
    {
        var response = await api.PostAsJsonAsync(Claims, ValidClaim(authorityId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<ClaimDto>();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    private static string[] FieldErrors(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];

    [Theory]
    [InlineData(null, "Reasons enough.", "jobTitle", "Enter your job title")]
    [InlineData("   ", "Reasons enough.", "jobTitle", "Enter your job title")]
    [InlineData("CDO", null, "justification", "Explain why you may speak")]
    [InlineData("CDO", "", "justification", "Explain why you may speak")]
    public async Task A_claim_without_a_job_title_or_justification_is_refused_with_the_field_to_fill_and_nothing_is_stored(
        string? jobTitle, string? justification, string field, string message)
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        var (_, api) = await SignedInAsync();
        var before = await factory.SnapshotAsync();

        var problem = await ProblemAsync(await api.PostAsJsonAsync(Claims, new { authorityId, jobTitle, justification }), HttpStatusCode.BadRequest);

        Assert.Contains(FieldErrors(problem, field), m => m.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_claim_with_too_long_fields_is_refused_with_the_limits_and_nothing_is_stored()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        var (_, api) = await SignedInAsync();
        var before = await factory.SnapshotAsync();

        var problem = await ProblemAsync(await api.PostAsJsonAsync(Claims,
            new { authorityId, jobTitle = new string('a', 101), justification = new string('b', 1001) }), HttpStatusCode.BadRequest);

        Assert.Contains("100 characters or fewer (it has 101)", FieldErrors(problem, "jobTitle")[0], StringComparison.Ordinal);
        Assert.Contains("1000 characters or fewer (it has 1001)", FieldErrors(problem, "justification")[0], StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_claim_at_the_length_limits_is_accepted()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        var (_, api) = await SignedInAsync();
        var response = await api.PostAsJsonAsync(Claims, new { authorityId, jobTitle = new string('a', 100), justification = new string('b', 1000) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_claim_for_an_unknown_authority_is_a_404_problem()
    {
        var (_, api) = await SignedInAsync();
        var before = await factory.SnapshotAsync();
        var problem = await ProblemAsync(await api.PostAsJsonAsync(Claims, ValidClaim(int.MaxValue)), HttpStatusCode.NotFound);
        Assert.Contains("no authority with id", Detail(problem), StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_claim_for_an_authority_that_is_not_active_is_refused()
    {
        var (authorityId, name) = await factory.CreateAuthorityAsync(AuthorityStatus.Proposed);
        var (_, api) = await SignedInAsync();
        var problem = await ProblemAsync(await api.PostAsJsonAsync(Claims, ValidClaim(authorityId)), HttpStatusCode.Conflict);
        Assert.Equal($"{name} is not an active authority of the directory, so it cannot be claimed.", Detail(problem));
    }

    [Fact]
    public async Task A_second_pending_claim_by_the_same_person_for_the_same_authority_is_refused_until_the_first_is_withdrawn()
    {
        var (authorityId, name) = await factory.CreateAuthorityAsync();
        var (_, api) = await SignedInAsync();
        var first = await ClaimAsync(api, authorityId);

        var duplicate = await ProblemAsync(await api.PostAsJsonAsync(Claims, ValidClaim(authorityId)), HttpStatusCode.Conflict);
        Assert.Equal($"You already have a pending claim for {name}. Wait for the decision, or withdraw that claim first.", Detail(duplicate));

        var withdrawn = await api.PostAsync($"{Claims}/{first.Id}/withdraw", null);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(ClaimStatus.Withdrawn, (await withdrawn.ReadAsync<ClaimDto>()).Status);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(Claims, ValidClaim(authorityId))).StatusCode);
    }

    [Fact]
    public async Task The_same_claim_sent_twice_at_once_is_stored_once()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        var (user, api) = await SignedInAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.PostAsJsonAsync(Claims, ValidClaim(authorityId))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.OrganisationClaims.CountAsync(c => c.ClaimantId == user.Id)));
    }

    [Fact]
    public async Task A_claim_for_an_authority_that_already_has_an_organisation_is_refused()
    {
        var arranged = await factory.CreateOrganisationAsync();
        var (_, api) = await SignedInAsync();
        var before = await factory.SnapshotAsync();

        var problem = await ProblemAsync(await api.PostAsJsonAsync(Claims, ValidClaim(arranged.AuthorityId)), HttpStatusCode.Conflict);

        Assert.Contains("already has an organisation", Detail(problem), StringComparison.Ordinal);
        Assert.Contains("cannot have a second one", Detail(problem), StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Approving_one_of_several_pending_claims_rejects_the_others_with_a_reason_and_tells_every_claimant()
    {
        var (authorityId, name) = await factory.CreateAuthorityAsync();
        var (winner, winnerApi) = await SignedInAsync();
        var (loser, loserApi) = await SignedInAsync();
        var (_, adminApi) = await SignedInAsync(PlatformRoles.Admin);
        var winning = await ClaimAsync(winnerApi, authorityId);
        var losing = await ClaimAsync(loserApi, authorityId);

        var approved = await adminApi.PostAsync($"/api/v1/admin/claims/{winning.Id}/approve", null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(1, (await approved.ReadAsync<ClaimApprovalDto>()).OtherClaimsRejected);
        var loserClaim = Assert.Single(await (await loserApi.GetAsync(Claims)).ReadAsync<List<ClaimDto>>());
        Assert.Equal(losing.Id, loserClaim.Id);
        Assert.Equal(ClaimStatus.Rejected, loserClaim.Status);
        Assert.Contains("Another claim for", loserClaim.RejectionReason, StringComparison.Ordinal);
        Assert.Contains(factory.EmailsTo(loser.Email), m => m.Subject == $"Your claim for {name} was not approved" && m.TextBody!.Contains("Another claim for", StringComparison.Ordinal));
        Assert.Contains(factory.EmailsTo(winner.Email), m => m.Subject == $"Your claim for {name} is approved");
        var membership = await factory.WithDbAsync(db => db.OrganisationMemberships.SingleAsync(m => m.Organisation.AuthorityId == authorityId));
        Assert.Equal((winner.Id, OrganisationRole.Admin), (membership.UserId, membership.Role));
    }

    [Fact]
    public async Task Two_approvals_of_different_claims_for_the_same_authority_at_once_make_one_organisation_and_one_409()
    {
        var (_, adminApi) = await SignedInAsync(PlatformRoles.Admin);
        for (var round = 0; round < 3; round++)
        {
            var (authorityId, _) = await factory.CreateAuthorityAsync();
            var first = await ClaimAsync((await SignedInAsync()).Api, authorityId);
            var second = await ClaimAsync((await SignedInAsync()).Api, authorityId);

            var responses = await Task.WhenAll(
                adminApi.PostAsync($"/api/v1/admin/claims/{first.Id}/approve", null),
                adminApi.PostAsync($"/api/v1/admin/claims/{second.Id}/approve", null));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var conflict = await ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
            Assert.False(string.IsNullOrWhiteSpace(Detail(conflict)));
            var (organisations, members, statuses) = await factory.WithDbAsync(async db => (
                await db.Organisations.CountAsync(o => o.AuthorityId == authorityId),
                await db.OrganisationMemberships.CountAsync(m => m.Organisation.AuthorityId == authorityId),
                await db.OrganisationClaims.Where(c => c.AuthorityId == authorityId).Select(c => c.Status).ToListAsync()));
            Assert.Equal(1, organisations);
            Assert.Equal(1, members);
            Assert.Equal([ClaimStatus.Approved, ClaimStatus.Rejected], statuses.Order());
        }
    }

    [Fact]
    public async Task Two_approvals_of_the_same_claim_at_once_make_one_organisation_and_one_409()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        var claim = await ClaimAsync((await SignedInAsync()).Api, authorityId);
        var (_, adminApi) = await SignedInAsync(PlatformRoles.Admin);

        var responses = await Task.WhenAll(
            adminApi.PostAsync($"/api/v1/admin/claims/{claim.Id}/approve", null),
            adminApi.PostAsync($"/api/v1/admin/claims/{claim.Id}/approve", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Organisations.CountAsync(o => o.AuthorityId == authorityId)));
    }

    [Fact]
    public async Task The_approval_queue_lists_pending_claims_oldest_first()
    {
        var (_, adminApi) = await SignedInAsync(PlatformRoles.Admin);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (authorityId, _) = await factory.CreateAuthorityAsync();
            ids.Add((await ClaimAsync((await SignedInAsync()).Api, authorityId)).Id);
        }
        // Make the last claim the oldest.
        await factory.WithDbAsync(db => db.OrganisationClaims.Where(c => c.Id == ids[2])
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, DateTimeOffset.UtcNow.AddDays(-3))));

        var queue = await (await adminApi.GetAsync("/api/v1/admin/claims")).ReadAsync<List<PendingClaimDto>>();

        Assert.Equal([ids[2], ids[0], ids[1]], queue.Where(c => ids.Contains(c.Id)).Select(c => c.Id));
        Assert.Equal(queue.Select(c => c.CreatedAt).Order(), queue.Select(c => c.CreatedAt));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_of_at_most_500_characters_and_the_claimant_receives_it()
    {
        var (authorityId, name) = await factory.CreateAuthorityAsync();
        var (claimant, claimantApi) = await SignedInAsync();
        var claim = await ClaimAsync(claimantApi, authorityId);
        var (_, adminApi) = await SignedInAsync(PlatformRoles.Admin);
        var before = await factory.SnapshotAsync();

        var missing = await ProblemAsync(await adminApi.PostAsJsonAsync($"/api/v1/admin/claims/{claim.Id}/reject", new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.Contains("Enter the reason", FieldErrors(missing, "reason")[0], StringComparison.Ordinal);
        var tooLong = await ProblemAsync(await adminApi.PostAsJsonAsync($"/api/v1/admin/claims/{claim.Id}/reject", new { reason = new string('r', 501) }), HttpStatusCode.BadRequest);
        Assert.Contains("500 characters or fewer (it has 501)", FieldErrors(tooLong, "reason")[0], StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());

        var rejected = await adminApi.PostAsJsonAsync($"/api/v1/admin/claims/{claim.Id}/reject", new { reason = "We could not confirm your role." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var mine = Assert.Single(await (await claimantApi.GetAsync(Claims)).ReadAsync<List<ClaimDto>>());
        Assert.Equal((ClaimStatus.Rejected, "We could not confirm your role."), (mine.Status, mine.RejectionReason));
        Assert.Contains(factory.EmailsTo(claimant.Email), m => m.Subject == $"Your claim for {name} was not approved"
            && m.TextBody!.Contains("We could not confirm your role.", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, (await adminApi.PostAsync($"/api/v1/admin/claims/{claim.Id}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task People_who_are_not_platform_admins_can_neither_see_the_queue_nor_decide_claims()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        var (_, claimantApi) = await SignedInAsync();
        var claim = await ClaimAsync(claimantApi, authorityId);
        var (_, editorApi) = await SignedInAsync(PlatformRoles.Editor, PlatformRoles.Coordinator);
        var before = await factory.SnapshotAsync();

        foreach (var api in new[] { claimantApi, editorApi })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/admin/claims")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/admin/claims/{claim.Id}/approve", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/admin/claims/{claim.Id}/reject", new { reason = "No." })).StatusCode);
        }
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/admin/claims/{claim.Id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Claims, ValidClaim(authorityId))).StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_person_cannot_withdraw_someone_elses_claim()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        var claim = await ClaimAsync((await SignedInAsync()).Api, authorityId);
        var (_, otherApi) = await SignedInAsync();

        await ProblemAsync(await otherApi.PostAsync($"{Claims}/{claim.Id}/withdraw", null), HttpStatusCode.NotFound);

        Assert.Equal(ClaimStatus.Pending, await factory.WithDbAsync(db => db.OrganisationClaims.Where(c => c.Id == claim.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Unknown_claim_ids_are_404_problems()
    {
        var (_, adminApi) = await SignedInAsync(PlatformRoles.Admin);
        await ProblemAsync(await adminApi.PostAsync($"/api/v1/admin/claims/{Guid.NewGuid()}/approve", null), HttpStatusCode.NotFound);
        await ProblemAsync(await adminApi.PostAsJsonAsync($"/api/v1/admin/claims/{Guid.NewGuid()}/reject", new { reason = "No." }), HttpStatusCode.NotFound);
        await ProblemAsync(await adminApi.PostAsync($"{Claims}/{Guid.NewGuid()}/withdraw", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Script_in_a_claim_is_stored_and_returned_as_plain_text()
    {
        var (authorityId, _) = await factory.CreateAuthorityAsync();
        var (_, api) = await SignedInAsync();
        const string script = "<script>alert('x')</script>";

        var response = await api.PostAsJsonAsync(Claims, new { authorityId, jobTitle = script, justification = script + " & more" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var claim = await response.ReadAsync<ClaimDto>();
        Assert.Equal((script, script + " & more"), (claim.JobTitle, claim.Justification));
        var stored = await factory.WithDbAsync(db => db.OrganisationClaims.SingleAsync(c => c.Id == claim.Id));
        Assert.Equal(script, stored.JobTitle);
    }

    [Fact]
    public async Task A_body_that_is_not_valid_json_is_a_problem_that_says_so()
    {
        var (_, api) = await SignedInAsync();
        var response = await api.PostAsync(Claims, new StringContent("{\"authorityId\": \"abc\"", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
