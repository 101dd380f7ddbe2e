using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Waypoint.BrowserTests.Infrastructure;

public static class Accessibility
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>Runs axe on the page as it is now and fails with a readable list of every serious or critical
    /// violation: the rule, its impact, what it asks for and the selectors of the elements that break it.</summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(blocking.Count == 0, $"axe found {blocking.Count} serious or critical violation(s) on {page.Url}:\n" + Describe(blocking));
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join("\n", violations.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}\n" +
            string.Join("\n", v.Nodes.Select(n => $"    {n.Target}"))));
}
