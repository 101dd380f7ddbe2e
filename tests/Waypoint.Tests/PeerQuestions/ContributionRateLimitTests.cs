using System.Net;
using System.Net.Http.Json;
using Waypoint.Tests.GoodPractices;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.PeerQuestions;

/// <summary>An application that allows two contributions an hour per person.</summary>
public sealed class StrictContributionLimitFactory : WaypointFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["RateLimits:ContributionsPerHour"] = "2" };
}

public sealed class ContributionRateLimitTests(StrictContributionLimitFactory factory) : IClassFixture<StrictContributionLimitFactory>
{
    [Fact]
    public async Task A_person_asking_too_often_gets_429_and_the_extra_question_is_not_stored_while_others_can_still_ask()
    {
        var organisation = await factory.CreateOrganisationAsync();
        using var asker = await factory.CreateApiClientAsync(organisation.Admin);
        var body = new { topicKey = "networking", title = "Which networks do you belong to?", body = "Looking for partners." };
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Created, (await asker.PostAsJsonAsync("/api/v1/questions", body)).StatusCode);
        var before = await factory.ShareSnapshotAsync();

        var limited = await asker.PostAsJsonAsync("/api/v1/questions", body);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(before, await factory.ShareSnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await asker.GetAsync("/api/v1/questions")).StatusCode);
        var other = await factory.CreateOrganisationAsync();
        using var otherAsker = await factory.CreateApiClientAsync(other.Admin);
        Assert.Equal(HttpStatusCode.Created, (await otherAsker.PostAsJsonAsync("/api/v1/questions", body)).StatusCode);
    }
}
