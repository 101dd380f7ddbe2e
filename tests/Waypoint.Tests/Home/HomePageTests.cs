using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Home;

public sealed class HomePageTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task The_home_page_shows_each_module_with_figures_read_from_the_database_and_no_Europe_figure_without_submissions()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");

        Assert.Contains("<h2 id=\"modules-heading\">What Waypoint does</h2>", html, StringComparison.Ordinal);
        Assert.Contains("A self-assessment in 7 topics", html, StringComparison.Ordinal);
        Assert.Matches(@"[1-9][\d,]* authorities in the directory", html);
        Assert.Matches(@"[1-9]\d+ entries in the toolbox", html);
        Assert.Contains("good practices in the library", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/analytics\"", html, StringComparison.Ordinal);
        // No submissions here: too few to describe all of Europe (see HomeFiguresTests for a round that is).
        Assert.DoesNotContain("median overall score", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_follow_the_language_of_the_page()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/de/");

        Assert.Contains("<html lang=\"de\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("What Waypoint does", html, StringComparison.Ordinal);
    }
}
