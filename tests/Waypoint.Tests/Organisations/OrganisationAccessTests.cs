using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Data.Accounts;
using Waypoint.Data.Organisations;
using Waypoint.Features.Organisations;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Organisations;

/// <summary>The authorisation service itself, as other features (assessments) will call it.</summary>
public sealed class OrganisationAccessTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "Test"));

    private async Task<OrganisationAccessResult> CheckAsync(ClaimsPrincipal user, Guid organisationId, OrganisationRole minimum)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrganisationAccess>().CheckAsync(user, organisationId, minimum);
    }

    [Theory]
    [InlineData(OrganisationRole.Viewer, OrganisationRole.Viewer, "Allowed")]
    [InlineData(OrganisationRole.Viewer, OrganisationRole.Contributor, "Forbidden")]
    [InlineData(OrganisationRole.Contributor, OrganisationRole.Contributor, "Allowed")]
    [InlineData(OrganisationRole.Contributor, OrganisationRole.Admin, "Forbidden")]
    [InlineData(OrganisationRole.Admin, OrganisationRole.Viewer, "Allowed")]
    [InlineData(OrganisationRole.Admin, OrganisationRole.Admin, "Allowed")]
    public async Task A_member_is_allowed_exactly_what_their_role_reaches(OrganisationRole role, OrganisationRole minimum, string expected)
    {
        var arranged = await factory.CreateOrganisationAsync();
        var member = await factory.AddMemberAsync(arranged.OrganisationId, role);

        var access = await CheckAsync(Principal(member.Id), arranged.OrganisationId, minimum);

        Assert.Equal((Enum.Parse<AccessOutcome>(expected), role), (access.Outcome, access.Role));
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_is_told_not_found_whatever_the_role_asked()
    {
        var arranged = await factory.CreateOrganisationAsync();
        var outsider = await factory.CreateUserAsync(roles: [PlatformRoles.Editor, PlatformRoles.Coordinator]);

        foreach (var minimum in Enum.GetValues<OrganisationRole>())
        {
            Assert.Equal(AccessOutcome.NotFound, (await CheckAsync(Principal(outsider.Id, PlatformRoles.Editor), arranged.OrganisationId, minimum)).Outcome);
        }
    }

    [Fact]
    public async Task A_platform_admin_may_read_every_organisation_and_change_none_they_are_not_a_member_of()
    {
        var arranged = await factory.CreateOrganisationAsync();
        var admin = Principal("not-a-member", PlatformRoles.Admin);

        Assert.Equal(AccessOutcome.Allowed, (await CheckAsync(admin, arranged.OrganisationId, OrganisationRole.Viewer)).Outcome);
        Assert.Equal(AccessOutcome.Forbidden, (await CheckAsync(admin, arranged.OrganisationId, OrganisationRole.Contributor)).Outcome);
        Assert.Equal(AccessOutcome.NotFound, (await CheckAsync(admin, Guid.NewGuid(), OrganisationRole.Viewer)).Outcome);
    }
}
