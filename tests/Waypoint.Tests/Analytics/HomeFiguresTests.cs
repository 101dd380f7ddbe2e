using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Analytics;

/// <summary>The home page's Europe-wide figure comes from the same engine as the analytics page, with its privacy
/// rules: the 40 submissions of <see cref="AnalyticsFactory"/> are enough to describe all of Europe.</summary>
public sealed class HomeFiguresTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task The_home_page_gives_the_size_and_median_of_the_latest_round_across_Europe()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");

        Assert.Contains("Round 2026: 40 organisations, median overall score", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(Synthetic Europe)", html, StringComparison.Ordinal);
    }
}
