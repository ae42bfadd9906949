using LocalVision.V1;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>The Programme theory page in a real browser: the rule × case matrix, and a cell opened to its evidence.</summary>
public sealed class TheoryPageTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    private const string Theory = "#/theory?asOf=2015-09-01";

    [Fact]
    public async Task Theory_AgainstThisServer_ShowsEveryRuleAgainstEveryCaseAsTheServerJudgesIt()
    {
        var expected = await new EvaluationService.EvaluationServiceClient(fixture.Server.Channel).TestProgrammeTheoryAsync(
            new TestProgrammeTheoryRequest { AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2015, 9, 1, 0, 0, 0, DateTimeKind.Utc)) },
            cancellationToken: TestContext.Current.CancellationToken);
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, Theory);

        await Expect(page.Locator("table.theory-matrix tbody tr")).ToHaveCountAsync(expected.Rules.Count);
        var noSupport = expected.Rules.Single(r => r.RuleId == "NO_SUPPORT");
        var row = page.Locator("tr[data-rule=NO_SUPPORT]");
        await Expect(row.Locator("button.verdict.VERDICT_SUPPORTS")).ToHaveCountAsync(noSupport.Counts.Supports);
        await Expect(row.Locator("button.verdict.VERDICT_DEVIANT")).ToHaveCountAsync(noSupport.Counts.Deviant);
        await Expect(row.Locator("button[data-case='initiatives/suffolk-local-vision']")).ToHaveTextAsync("S");
        await Expect(row.Locator("td.ratio").First).ToHaveTextAsync(noSupport.Consistency.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("tr[data-rule=LEADERSHIP_GAP]")).ToHaveCountAsync(6);
        await DashboardBrowser.ScreenshotAsync(page, "theory-matrix");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Theory_OpenACell_ShowsTheContextAndOutcomeWithTheirObservationsAndEvidence()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, Theory);

        await page.Locator("tr[data-rule=NO_SUPPORT] button[data-case='initiatives/suffolk-local-vision']").ClickAsync();

        var detail = page.Locator("#theory-case");
        await Expect(detail).ToContainTextAsync("NO_SUPPORT in");
        await Expect(detail.Locator(".case-verdict")).ToContainTextAsync("supports");
        await Expect(detail.Locator("[data-part=context] h3")).ToContainTextAsync("the rule's context holds");
        await Expect(detail.Locator("[data-part=outcome] h3")).ToContainTextAsync("Commitment and momentum built is absent");
        await Expect(detail.Locator("[data-part=context] .case-observation[data-name='observations/suffolk-dedicated-support']")).ToHaveCountAsync(1);
        await Expect(detail.Locator("[data-part=outcome] .case-observation[data-name='observations/suffolk-momentum']")).ToHaveCountAsync(1);
        await Expect(detail.Locator("[data-part=context] .evidence-item[data-name='evidence/suffolk-survey-lead-change']")).ToHaveCountAsync(1);
        await DashboardBrowser.ScreenshotAsync(page, "theory-case");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Theory_AsWeNowKnowAtAnEarlyDate_JudgesOnTheRedatedRecord()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/theory?asOf=2014-06-01");
        await Expect(page.Locator("tr[data-rule=SENIOR_EARLY] button[data-case='initiatives/plymouth-local-vision']")).ToHaveTextAsync("·");

        await page.Locator("#theory-as-now-known").CheckAsync();

        await Expect(page.Locator("tr[data-rule=SENIOR_EARLY] button[data-case='initiatives/plymouth-local-vision']")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("context present"));
        Assert.Contains("now=1", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Theory_ServiceAnswers501_SaysTheTestIsNotAvailableYet()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/programmeTheory:test", route => route.FulfillAsync(new Microsoft.Playwright.RouteFulfillOptions
        {
            Status = 501, ContentType = "application/json", Body = """{"code":12,"message":"not served","details":[]}""",
        }));

        await DashboardBrowser.OpenAsync(page, fixture.Server, Theory);

        await Expect(page.Locator("#theory-matrix .not-available")).ToContainTextAsync("Not available yet: the programme theory test");
        await page.Context.CloseAsync();
    }
}
