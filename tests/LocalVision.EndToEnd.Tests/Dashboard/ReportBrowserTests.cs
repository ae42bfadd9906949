using LocalVision.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>The RAMESES II report's HTML in a real browser: it renders, with one visible case section per case, each printed on a new page.</summary>
public sealed class ReportBrowserTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    [Fact]
    public async Task ReportHtml_InABrowser_ShowsOneCaseSectionPerCaseEachStartingAPrintedPage()
    {
        var report = await new TheoryService.TheoryServiceClient(fixture.Server.Channel).GetRamesesReportAsync(new GetRamesesReportRequest
        {
            AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2015, 9, 1, 0, 0, 0, DateTimeKind.Utc)),
            Format = ReportFormat.Html,
        }, cancellationToken: TestContext.Current.CancellationToken);
        var cases = report.Markdown.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("`initiatives/", StringComparison.Ordinal)).ToList();
        var page = await browser.NewPageAsync();

        await page.SetContentAsync(report.Html);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Realist evaluation of Local Vision: programme theory and cases");
        var sections = page.Locator("section.case");
        await Expect(sections).ToHaveCountAsync(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            await Expect(sections.Nth(i)).ToBeVisibleAsync();
            await Expect(sections.Nth(i).Locator("h3")).ToBeVisibleAsync();
            await Expect(sections.Nth(i).Locator("p").First).ToContainTextAsync(cases[i][1..cases[i].IndexOf('`', 1)]);
        }
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var breaks = await sections.EvaluateAllAsync<string[]>("all => all.map(s => getComputedStyle(s).breakBefore)");
        Assert.All(breaks, b => Assert.Equal("page", b));
        await page.Context.CloseAsync();
    }
}
