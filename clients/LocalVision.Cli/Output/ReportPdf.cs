using Microsoft.Playwright;

namespace LocalVision.Cli.Output;

/// <summary>
/// Prints the report's HTML to PDF with the machine's headless Chromium, driven by Playwright. Playwright's own browser
/// download is never used: the browser is /usr/bin/chromium, or the one LV_CHROMIUM names. The page's print CSS starts
/// each case section on a new page.
/// </summary>
public static class ReportPdf
{
    public const string BrowserVariable = "LV_CHROMIUM";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string ChromiumPath => Environment.GetEnvironmentVariable(BrowserVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <exception cref="CliException">There is no browser at <see cref="ChromiumPath"/>.</exception>
    public static void CheckBrowser()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new CliException($"no Chromium at {ChromiumPath}: --pdf prints with headless Chromium; install it (apt-get install chromium) or set {BrowserVariable} to its path");
        }
    }

    /// <exception cref="CliException">The browser is missing or could not print.</exception>
    public static async Task PrintAsync(string html, string path, CancellationToken cancellationToken)
    {
        CheckBrowser();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs,
            });
            var page = await browser.NewPageAsync();
            cancellationToken.ThrowIfCancellationRequested();
            await page.SetContentAsync(html);
            await page.PdfAsync(new PagePdfOptions { Path = path, Format = "A4", PrintBackground = true });
        }
        catch (PlaywrightException e)
        {
            throw new CliException($"Chromium at {ChromiumPath} could not print the PDF: {e.Message.Split('\n')[0]}");
        }
    }
}
