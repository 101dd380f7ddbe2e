using Microsoft.Playwright;

namespace Waypoint.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium for a test collection. The browser comes from the machine, not from Playwright's own
/// downloads: <c>WAYPOINT_CHROMIUM</c> names it, <c>/usr/bin/chromium</c> (Debian's package) by default.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "WAYPOINT_CHROMIUM";
    public const string DefaultChromium = "/usr/bin/chromium";

    // Running as root with no outside network needs these: no sandbox, no GPU, and none of the calls home
    // that Chromium would otherwise make at start.
    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DefaultChromium;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it (Debian: apt-get install chromium) or set {ChromiumVariable} to its path.");
        }
        // Generous for a busy two-core machine; a passing step takes milliseconds.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Browser tests share one Chromium and run one after another. Put <c>[Collection(BrowserCollection.Name)]</c>
/// on every browser test class.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
