using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Waypoint.BrowserTests.Infrastructure;

/// <summary>
/// Base of a browser test class: <c>[Collection(BrowserCollection.Name)]</c>, <c>IClassFixture&lt;WaypointServer&gt;</c>,
/// and each test written as <c>=> BrowseAsync(async page => { ... })</c>. Every test gets a new browser context
/// (no cookies or storage from another test). When a test fails, a full-page screenshot is saved to
/// <c>TestResults/screenshots/</c>. A test also fails when the page breaks the Content Security Policy (an inline
/// script or style) or throws an uncaught script error.
/// </summary>
public abstract class BrowserTest(WaypointServer server, BrowserFixture browser)
{
    private const string ReportFunction = "waypointReportPageProblem";

    private const string ReportViolationsScript =
        "document.addEventListener('securitypolicyviolation', e => window." + ReportFunction + "(" +
        "'Content Security Policy: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline content') + ' in ' + e.sourceFile + ' line ' + e.lineNumber));";

    protected WaypointServer Server { get; } = server;

    protected Task BrowseAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        BrowseAsync(new BrowserNewContextOptions(), steps, test);

    protected async Task BrowseAsync(BrowserNewContextOptions options, Func<IPage, Task> steps, [CallerMemberName] string test = "")
    {
        options.BaseURL = Server.RootUri.ToString();
        options.Locale ??= "en-GB";
        await using var context = await browser.Browser.NewContextAsync(options);
        var pageProblems = new ConcurrentQueue<string>();
        if (options.JavaScriptEnabled != false)
        {
            // The page reports each Content Security Policy violation (an inline script or style, a foreign source).
            await context.ExposeFunctionAsync<string>(ReportFunction, pageProblems.Enqueue);
            await context.AddInitScriptAsync(ReportViolationsScript);
        }
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => pageProblems.Enqueue("Uncaught script error: " + error);

        try
        {
            await steps(page);
            if (options.JavaScriptEnabled != false && !page.IsClosed)
            {
                // Lets the page deliver violation reports still queued behind the last step.
                await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 0))");
            }
            Assert.True(pageProblems.IsEmpty, "The page reported problems:\n" + string.Join("\n", pageProblems));
        }
        catch
        {
            await SaveScreenshotAsync(page, $"{GetType().Name}.{test}");
            throw;
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (page.IsClosed) return;
        var path = Path.Combine(TestResultsDirectory.Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Console.Error.WriteLine($"Screenshot of the failed test: {path}");
    }
}
