using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.BrowserTests.Infrastructure;

/// <summary>
/// Base of a browser test class: <c>[Collection(BrowserCollection.Name)]</c>, <c>IClassFixture&lt;WaypointServer&gt;</c>,
/// and each test written as <c>=> BrowseAsync(async page => { ... })</c>. Every test gets a new browser context
/// (no cookies or storage from another test); a test that needs a second person opens their browser with
/// <see cref="OpenAnotherBrowserAsync"/>. When a test fails, a full-page screenshot of each of its pages is saved to
/// <c>TestResults/screenshots/</c>. A test also fails when a page breaks the Content Security Policy (an inline
/// script or style) or throws an uncaught script error.
/// </summary>
public abstract class BrowserTest(WaypointServer server, BrowserFixture browser)
{
    private const string ReportFunction = "waypointReportPageProblem";

    private const string ReportViolationsScript =
        "document.addEventListener('securitypolicyviolation', e => window." + ReportFunction + "(" +
        "'Content Security Policy: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline content') + ' in ' + e.sourceFile + ' line ' + e.lineNumber));";

    private readonly ConcurrentQueue<string> _pageProblems = new();
    private readonly List<(IBrowserContext Context, IPage Page, bool Scripted)> _browsers = [];

    protected WaypointServer Server { get; } = server;

    protected Task BrowseAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        BrowseAsync(new BrowserNewContextOptions(), steps, test);

    protected async Task BrowseAsync(BrowserNewContextOptions options, Func<IPage, Task> steps, [CallerMemberName] string test = "")
    {
        try
        {
            var page = await OpenBrowserAsync(options);
            try
            {
                await steps(page);
                foreach (var (_, open, scripted) in _browsers)
                {
                    // Lets the page deliver violation reports still queued behind the last step.
                    if (scripted && !open.IsClosed) await open.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 0))");
                }
                Assert.True(_pageProblems.IsEmpty, "The page reported problems:\n" + string.Join("\n", _pageProblems));
            }
            catch
            {
                for (var i = 0; i < _browsers.Count; i++)
                {
                    await SaveScreenshotAsync(_browsers[i].Page, $"{GetType().Name}.{test}" + (i == 0 ? "" : $".{i + 1}"));
                }
                throw;
            }
        }
        finally
        {
            foreach (var (context, _, _) in _browsers) await context.DisposeAsync();
            _browsers.Clear();
        }
    }

    /// <summary>A page in a browser of its own (no cookies shared with the test's first page), for a second person
    /// in the same test, such as the platform admin who approves what the first one asked for. Call it inside
    /// <see cref="BrowseAsync(Func{IPage, Task}, string)"/>; it is closed, checked and photographed with the test's page.</summary>
    protected Task<IPage> OpenAnotherBrowserAsync(BrowserNewContextOptions? options = null) => OpenBrowserAsync(options ?? new BrowserNewContextOptions());

    private async Task<IPage> OpenBrowserAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = Server.RootUri.ToString();
        options.Locale ??= "en-GB";
        var context = await browser.Browser.NewContextAsync(options);
        var scripted = options.JavaScriptEnabled != false;
        var page = await context.NewPageAsync();
        _browsers.Add((context, page, scripted));
        if (scripted)
        {
            // The page reports each Content Security Policy violation (an inline script or style, a foreign source).
            await context.ExposeFunctionAsync<string>(ReportFunction, _pageProblems.Enqueue);
            await context.AddInitScriptAsync(ReportViolationsScript);
        }
        context.SetDefaultTimeout(15_000);
        page.PageError += (_, error) => _pageProblems.Enqueue("Uncaught script error: " + error);
        return page;
    }

    /// <summary>Signs the page's browser context in as <paramref name="user"/> through the sign-in API, so that a test
    /// can start on a signed-in page without going through the sign-in form.</summary>
    protected static async Task SignInAsync(IPage page, TestUser user)
    {
        var response = await page.APIRequest.PostAsync("/api/v1/auth/login?useCookies=true",
            new APIRequestContextOptions { DataObject = new { email = user.Email, password = user.Password } });
        Assert.True(response.Ok, $"Signing in as {user.Email} answered {response.Status}: {await response.TextAsync()}");
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (page.IsClosed) return;
        var path = Path.Combine(TestResultsDirectory.Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Console.Error.WriteLine($"Screenshot of the failed test: {path}");
    }
}
