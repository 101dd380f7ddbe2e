using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;

namespace Waypoint.BrowserTests.Accessibility;

/// <summary>
/// Reflow (WCAG 1.4.10) and zoom (1.4.4): the key pages read without scrolling sideways on a phone 320 CSS pixels wide
/// and in a 1280-pixel window zoomed to 200% (640 CSS pixels, two device pixels each), and the main navigation and the
/// language switcher stay within reach. In English and in German, whose long words break layouts first. Tables may
/// scroll inside themselves, which the criterion allows for data that needs two dimensions.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflowTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    private readonly BrowserFixture _browser = browser;

    private static readonly string[] LanguagePrefixes = ["", "/de"];

    private static readonly (Visitor Visitor, Func<AccessibilitySite, string> Path)[] KeyPages =
    [
        (Visitor.Anonymous, _ => "/"),
        (Visitor.Anonymous, _ => "/authorities?q=berg"),
        (Visitor.Anonymous, s => $"/authorities/{s.MunicipalityId}"),
        (Visitor.Anonymous, _ => "/accounts/register"),
        (Visitor.Anonymous, _ => "/accessibility"),
        (Visitor.Anonymous, _ => "/assessments/scoring"),
        (Visitor.Member, s => $"/organisations/{s.OrganisationId}"),
        (Visitor.Member, s => $"/assessments/{s.CurrentAssessmentId}"),
        (Visitor.Member, s => $"/assessments/{s.CurrentAssessmentId}/topics/{s.FirstTopicKey}"),
        (Visitor.Member, s => $"/assessments/{s.SubmittedAssessmentId}/results"),
        (Visitor.PlatformAdmin, _ => "/admin/claims"),
    ];

    [Theory]
    [InlineData(320, 1)]
    [InlineData(640, 2)]
    public async Task Key_pages_need_no_horizontal_scrolling_and_keep_the_navigation_within_reach(int cssWidth, float deviceScale)
    {
        var site = await AccessibilitySite.For(Server);
        var problems = new List<string>();
        foreach (var visitor in KeyPages.Select(p => p.Visitor).Distinct())
        {
            var options = new BrowserNewContextOptions
            {
                StorageState = await site.SessionAsync(_browser.Browser, visitor),
                ViewportSize = new ViewportSize { Width = cssWidth, Height = 640 },
                DeviceScaleFactor = deviceScale,
                IsMobile = cssWidth < 400,
                HasTouch = cssWidth < 400,
            };
            await BrowseAsync(options, async page =>
            {
                foreach (var (_, path) in KeyPages.Where(p => p.Visitor == visitor))
                {
                    foreach (var prefix in LanguagePrefixes)
                    {
                        var address = prefix + path(site);
                        await page.GotoAsync(address);
                        problems.AddRange((await ReflowProblemsAsync(page)).Select(p => $"{address} at {cssWidth} px: {p}"));
                    }
                }
            }, $"{nameof(Key_pages_need_no_horizontal_scrolling_and_keep_the_navigation_within_reach)}_{cssWidth}_{visitor}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>What stops a reader at this width: the page wider than the window (with the widest elements that stick
    /// out), or a navigation link or the language switcher outside the window or hidden.</summary>
    private static async Task<string[]> ReflowProblemsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
            const problems = [];
            const root = document.scrollingElement;
            const width = root.clientWidth;
            if (root.scrollWidth > width) {
                const wide = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && !(e.parentElement.getBoundingClientRect().right > width + 1))
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '')
                        + ' "' + e.textContent.trim().slice(0, 40) + '" (right edge ' + Math.round(e.getBoundingClientRect().right) + ')');
                problems.push('the page is ' + root.scrollWidth + ' px wide in a ' + width + ' px window; first to stick out: ' + wide.join(', '));
            }
            const reachable = [...document.querySelectorAll('header nav a, #language-select')];
            if (reachable.length === 0) problems.push('no navigation found');
            for (const e of reachable) {
                const box = e.getBoundingClientRect();
                const style = getComputedStyle(e);
                if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || box.left < 0 || box.right > width + 1)
                    problems.push('"' + (e.textContent.trim().slice(0, 30) || e.id) + '" is not within reach (' + Math.round(box.left) + '..' + Math.round(box.right) + ')');
            }
            return problems;
        }
        """);
}
