using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;

namespace Waypoint.BrowserTests.Accessibility;

/// <summary>
/// WCAG 2.4.7: a keyboard user always sees where the focus is. On the pages with the most controls and charts, every
/// stop of the Tab key is drawn with an outline or a ring (the site's <c>:focus-visible</c> style), and no stop is a
/// control hidden off screen (except the skip link, which shows itself when focused).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FocusVisibleTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    private const string FocusScript = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const s = getComputedStyle(e);
          const r = e.getBoundingClientRect();
          const drawn = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
          const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < document.documentElement.scrollWidth;
          const what = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '');
          return (drawn ? '' : what + ': no visible focus indicator\n') + (onScreen ? '' : what + ': focused but not on screen\n');
        }
        """;

    private readonly BrowserFixture _browser = browser;

    public static TheoryData<string> PageNames =>
    [
        "dashboard with peers", "analytics", "roadmap", "good practices to review", "question with answers",
        "toolbox, searched and filtered", "edit a toolbox entry", "new recommendation", "recommendations policy view",
    ];

    [Theory]
    [MemberData(nameof(PageNames))]
    public async Task Every_stop_of_the_Tab_key_shows_where_the_focus_is(string pageType)
    {
        var type = EveryPageAccessibilityTests.Pages.Single(p => p.Name == pageType);
        var site = await AccessibilitySite.For(Server);
        var session = await site.SessionAsync(_browser.Browser, type.Visitor);
        await BrowseAsync(new BrowserNewContextOptions { StorageState = session }, async page =>
        {
            await page.GotoAsync(type.Path(site));
            var problems = new List<string>();
            for (var i = 0; i < 60; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var problem = await page.EvaluateAsync<string?>(FocusScript);
                if (problem is null) break;
                if (problem.Length > 0) problems.Add(problem.TrimEnd());
            }
            Assert.True(problems.Count == 0, $"On {page.Url}:\n" + string.Join("\n", problems.Distinct()));
        }, pageType);
    }
}
