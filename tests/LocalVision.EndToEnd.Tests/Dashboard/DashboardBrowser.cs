using Microsoft.Playwright;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>
/// Debian's headless chromium driven by Playwright against the seeded server's web port. Launched once, on
/// first use. Playwright's own browser download is never used: the browser is the machine's.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    /// <summary>Set LOCALVISION_CHROMIUM to use a browser elsewhere.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("LOCALVISION_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        // The machine's network is closed: without these Chromium keeps calling home at start.
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>A fresh page (own context) on the dashboard; skips the test when the prerequisites are missing.</summary>
    public async Task<IPage> NewPageAsync()
    {
        SkipOrFailWithoutPrerequisites();
        await _launch.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        finally
        {
            _launch.Release();
        }
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        // Assertions wait as long as actions do: beside the other test projects on two cores a page that recomputes
        // (the cohort after marking an applicant) can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        return page;
    }

    /// <summary>Opens a page of the dashboard (e.g. <c>#/network</c>) and waits until it has drawn.</summary>
    public static async Task OpenAsync(IPage page, RunningServer server, string route)
    {
        await page.GotoAsync(new Uri(server.WebAddress, "/" + route).ToString());
        await Assertions.Expect(page.Locator("#app")).ToHaveAttributeAsync("data-ready", "true");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    private static void SkipOrFailWithoutPrerequisites()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"No Chromium at {ChromiumPath}: the dashboard's browser tests need Debian's chromium. Install it with `apt-get update && apt-get install -y chromium` (or set LOCALVISION_CHROMIUM), then run the tests again.");
        }
        var index = Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html");
        if (!File.Exists(index))
        {
            const string howTo = "The dashboard is not built, so the server has no pages to show: run `npm ci && npm run build` in clients/web, then `dotnet test` again.";
            // CI builds the dashboard before testing it: there a missing build is a failure, not a skip.
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(howTo);
            }
            Assert.Skip(howTo);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _launch.Dispose();
    }
}
