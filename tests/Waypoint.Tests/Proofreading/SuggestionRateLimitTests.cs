using System.Net;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.Proofreading;

/// <summary>An application that allows 3 suggestions an hour per member.</summary>
public sealed class StrictSuggestionLimitFactory : WaypointFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Proofreading:SuggestionsPerHour"] = "3" };
}

public sealed class SuggestionRateLimitTests(StrictSuggestionLimitFactory factory) : IClassFixture<StrictSuggestionLimitFactory>
{
    [Fact]
    public async Task A_member_over_the_hourly_limit_gets_429_problem_details_and_another_member_is_not_affected()
    {
        var member = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(member);
        await client.SuggestOkAsync("de", "Directory", "Behördenverzeichnis");
        await client.SuggestOkAsync("de", "Sign in", "Einloggen");
        await client.SuggestOkAsync("fr", "Directory", "Annuaire des autorités");

        var limited = await client.SuggestAsync("de", "Find your authority", "Behörde suchen");

        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many suggestions", problem.GetProperty("title").GetString());
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(3, await factory.SuggestionCountAsync(member.Id));

        using var other = await factory.CreateApiClientAsync(await factory.CreateUserAsync());
        await other.SuggestOkAsync("de", "Find your authority", "Behörde suchen");
    }
}
