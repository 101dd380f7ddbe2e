using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Data.Authorities;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Authorities;

public sealed class ProposalTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static object Proposal(string name, string kind = "interMunicipalAssociation", string country = "BE", int? parentId = null) =>
        new { name, kind, country, parentId };

    private async Task<HttpClient> MemberAsync() => await factory.CreateApiClientAsync(await factory.CreateUserAsync());

    private async Task<HttpClient> AdminAsync() => await factory.CreateApiClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Admin));

    private static async Task<ProposalBody> ProposeAsync(HttpClient client, object proposal)
    {
        var response = await client.PostAsJsonAsync("/api/v1/authorities/proposals", proposal);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProposalBody>())!;
    }

    [Fact]
    public async Task Without_signing_in_nobody_can_propose_a_body()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/authorities/proposals", Proposal("Anonymous Water Board"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_proposed_body_waits_for_review_outside_the_directory_until_an_admin_approves_it()
    {
        using var member = await MemberAsync();
        var proposal = await ProposeAsync(member, Proposal("Intercommunale Quuxienne de l'Eau", country: "BE"));
        Assert.Equal("proposed", proposal.Status);
        Assert.Equal("interMunicipalAssociation", proposal.Kind);
        Assert.Equal(0, (await member.SearchAsync("q=quuxienne")).Total);

        using var admin = await AdminAsync();
        var pending = await admin.GetFromJsonAsync<List<ProposalBody>>("/api/v1/authorities/proposals");
        Assert.Contains(pending!, p => p.Id == proposal.Id);

        var approved = await admin.PostAsync($"/api/v1/authorities/proposals/{proposal.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("active", (await approved.Content.ReadFromJsonAsync<ProposalBody>())!.Status);

        var found = Assert.Single((await member.SearchAsync("q=quuxienne")).Items);
        Assert.Equal("otherPublicBody", found.Type);
        var card = await member.GetFromJsonAsync<AuthorityDetailsBody>($"/api/v1/authorities/{proposal.Id}");
        Assert.Equal("interMunicipalAssociation", card!.Kind);
    }

    [Fact]
    public async Task A_member_who_is_not_an_admin_cannot_approve_reject_or_list_proposals()
    {
        using var member = await MemberAsync();
        var proposal = await ProposeAsync(member, Proposal("Quuxland Mobility Agency", kind: "agency"));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/v1/authorities/proposals/{proposal.Id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/v1/authorities/proposals/{proposal.Id}/reject", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/authorities/proposals")).StatusCode);
        var status = await factory.WithDbAsync(db => db.Authorities.Where(a => a.Id == proposal.Id).Select(a => a.Status).SingleAsync());
        Assert.Equal(AuthorityStatus.Proposed, status);
    }

    [Fact]
    public async Task A_rejected_body_stays_out_of_the_directory_and_can_be_proposed_again()
    {
        using var member = await MemberAsync();
        var proposal = await ProposeAsync(member, Proposal("Quuxmouth Metropolitan Area", kind: "metropolitanArea", country: "IE"));
        using var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/authorities/proposals/{proposal.Id}/reject", null)).StatusCode);
        Assert.Equal(0, (await member.SearchAsync("q=quuxmouth")).Total);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/authorities/{proposal.Id}")).StatusCode);

        await ProposeAsync(member, Proposal("Quuxmouth Metropolitan Area", kind: "metropolitanArea", country: "IE"));
    }

    [Fact]
    public async Task A_proposal_is_decided_once()
    {
        using var member = await MemberAsync();
        var proposal = await ProposeAsync(member, Proposal("Quuxfield Regional Agency", kind: "agency", country: "FI"));
        using var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/authorities/proposals/{proposal.Id}/approve", null)).StatusCode);
        var again = await admin.PostAsync($"/api/v1/authorities/proposals/{proposal.Id}/reject", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/authorities/proposals/999999999/approve", null)).StatusCode);
        var malmo = await factory.WithDbAsync(db => db.Authorities.Where(a => a.Code == "SE_1280").Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/authorities/proposals/{malmo}/reject", null)).StatusCode);
    }

    [Fact]
    public async Task A_body_already_in_the_directory_is_refused_whatever_its_accents_and_capitals()
    {
        using var member = await MemberAsync();
        var response = await member.PostAsJsonAsync("/api/v1/authorities/proposals", Proposal("MALMO", kind: "other", country: "SE"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>())!;
        Assert.Contains("Malmö", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("already in the directory", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_already_proposed_is_refused_until_it_is_reviewed()
    {
        using var member = await MemberAsync();
        await ProposeAsync(member, Proposal("Quuxbourg Syndicat Intercommunal", country: "LU"));
        using var other = await MemberAsync();
        var response = await other.PostAsJsonAsync("/api/v1/authorities/proposals", Proposal("quuxbourg syndicat-intercommunal", country: "LU"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("waiting for review", (await response.Content.ReadFromJsonAsync<ProblemBody>())!.Detail, StringComparison.Ordinal);
        // The same name elsewhere is another body.
        await ProposeAsync(other, Proposal("Quuxbourg Syndicat Intercommunal", country: "BE"));
    }

    [Theory]
    [InlineData("", "interMunicipalAssociation", "BE", null, "name")]
    [InlineData(" -- ", "interMunicipalAssociation", "BE", null, "name")]
    [InlineData("Line\nbreak Agency", "agency", "BE", null, "name")]
    [InlineData("Quux Agency", "ministry", "BE", null, "kind")]
    [InlineData("Quux Agency", null, "BE", null, "kind")]
    [InlineData("Quux Agency", "agency", "XX", null, "country")]
    [InlineData("Quux Agency", "agency", null, null, "country")]
    [InlineData("Quux Agency", "agency", "BE", 999999999, "parentId")]
    public async Task Bad_proposals_are_refused_with_a_problem_naming_the_field_and_nothing_is_stored(
        string? name, string? kind, string? country, int? parentId, string field)
    {
        var before = await factory.WithDbAsync(db => db.Authorities.CountAsync());
        using var member = await MemberAsync();
        var response = await member.PostAsJsonAsync("/api/v1/authorities/proposals", new { name, kind, country, parentId });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>())!;
        Assert.Contains(field, problem.Errors!.Keys);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Authorities.CountAsync()));
    }

    [Fact]
    public async Task A_name_is_limited_to_200_characters()
    {
        using var member = await MemberAsync();
        var tooLong = await member.PostAsJsonAsync("/api/v1/authorities/proposals", Proposal("Q" + new string('x', 200)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        await ProposeAsync(member, Proposal("Q" + new string('y', 199)));
    }

    [Fact]
    public async Task A_parent_must_be_in_the_same_country()
    {
        using var member = await MemberAsync();
        var wien = await factory.WithDbAsync(db => db.Authorities.Where(a => a.Code == "AT_90001").Select(a => a.Id).SingleAsync());
        var elsewhere = await member.PostAsJsonAsync("/api/v1/authorities/proposals", Proposal("Quuxwien Agency", "agency", "DE", wien));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var proposal = await ProposeAsync(member, Proposal("Quuxwien Agency", "agency", "AT", wien));
        Assert.Equal(wien, proposal.ParentId);
    }

    [Fact]
    public async Task Script_in_a_name_is_stored_as_text_and_shown_escaped()
    {
        const string name = "<script>alert('quux')</script> Agency";
        using var member = await MemberAsync();
        var proposal = await ProposeAsync(member, Proposal(name, "agency", "NL"));
        Assert.Equal(name, proposal.Name);

        var admin = await factory.CreateUserAsync(roles: PlatformRoles.Admin);
        using var browser = await factory.CreateBrowserClientAsync(admin);
        var review = await browser.GetStringAsync("/admin/bodies");
        Assert.Contains("&lt;script&gt;alert(&#x27;quux&#x27;)&lt;/script&gt; Agency", review, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", review, StringComparison.Ordinal);

        using var api = await factory.CreateApiClientAsync(admin);
        await api.PostAsync($"/api/v1/authorities/proposals/{proposal.Id}/approve", null);
        var card = await browser.GetStringAsync($"/authorities/{proposal.Id}");
        Assert.DoesNotContain("<script>alert", card, StringComparison.Ordinal);
        var search = await browser.GetStringAsync("/authorities?q=" + Uri.EscapeDataString("alert quux"));
        Assert.Contains("&lt;script&gt;", search, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_member_proposes_a_body_with_the_form()
    {
        var user = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(user);
        var token = await browser.AntiforgeryTokenAsync("/authorities/propose");
        var response = await browser.PostAsync("/authorities/propose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Quuxdal Waterschap",
            ["Kind"] = "agency",
            ["Country"] = "NL",
            ["ParentId"] = "",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await browser.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("“Quuxdal Waterschap” has been proposed", confirmation, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Authorities.SingleAsync(a => a.Name == "Quuxdal Waterschap"));
        Assert.Equal(AuthorityStatus.Proposed, stored.Status);
        Assert.Equal(user.Id, stored.ProposedById);
    }

    [Fact]
    public async Task The_form_shows_what_to_fix_and_stores_nothing()
    {
        var user = await factory.CreateUserAsync();
        using var browser = await factory.CreateBrowserClientAsync(user);
        var token = await browser.AntiforgeryTokenAsync("/authorities/propose");
        var response = await browser.PostAsync("/authorities/propose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "",
            ["Kind"] = "agency",
            ["Country"] = "NL",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#proposal-name\"", html, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Authorities.AnyAsync(a => a.ProposedById == user.Id)));
    }

    [Fact]
    public async Task Only_signed_in_people_see_the_proposal_form_and_only_admins_the_review_page()
    {
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await anonymous.GetAsync("/authorities/propose");
        Assert.True(form.StatusCode == HttpStatusCode.Unauthorized || form.Headers.Location?.ToString().Contains("/accounts/signin", StringComparison.Ordinal) == true,
            $"anonymous proposal form answered {form.StatusCode}");

        using var member = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync());
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/authorities/propose")).StatusCode);
        var review = await member.GetAsync("/admin/bodies");
        Assert.True(review.StatusCode == HttpStatusCode.Forbidden || review.Headers.Location?.ToString().Contains("/accounts/denied", StringComparison.Ordinal) == true,
            $"a member's review page answered {review.StatusCode}");
    }

    [Fact]
    public async Task An_admin_approves_a_proposal_on_the_review_page()
    {
        using var member = await MemberAsync();
        var proposal = await ProposeAsync(member, Proposal("Quuxstad Samverkan", "interMunicipalAssociation", "SE"));
        using var admin = await factory.CreateBrowserClientAsync(await factory.CreateUserAsync(roles: PlatformRoles.Admin));
        var token = await admin.AntiforgeryTokenAsync("/admin/bodies");
        var response = await admin.PostAsync("/admin/bodies?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = proposal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetStringAsync("/admin/bodies");
        Assert.Contains("“Quuxstad Samverkan” is approved", page, StringComparison.Ordinal);
        Assert.Single((await member.SearchAsync("q=quuxstad")).Items);
    }
}
