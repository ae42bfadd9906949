using Google.Protobuf.WellKnownTypes;
using LocalVision.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>The Initiatives page in a real browser against the sample dataset.</summary>
public sealed class InitiativesPageTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    private const string Plymouth = "#/initiatives?name=initiatives/plymouth-local-vision&asOf=2015-09-01";

    private const string EvaluationNotAvailable = """{"code":12,"message":"GET /v1/initiatives/plymouth-local-vision/evaluation is not served by this server (UNIMPLEMENTED)","details":[]}""";

    private static ILocator Heading(IPage page, string section) => page.Locator($"#headings tr[data-section='{section}']");

    [Fact]
    public async Task Initiatives_Plymouth_GroupsObservationsByCodeKind()
    {
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, Plymouth);

        await Expect(page.Locator(".initiative-header")).ToContainTextAsync("Tackling alcohol abuse and drinking culture");
        await Expect(page.Locator(".initiative-header")).ToContainTextAsync("Enabler Birch");
        await Expect(page.Locator("[data-kind=context]")).ToContainTextAsync("Senior leaders involved from the start");
        await Expect(page.Locator("[data-kind=mechanism]")).ToContainTextAsync("Permission to experiment");
        await Expect(page.Locator("[data-kind=outcome]")).ToContainTextAsync("Commitment and momentum built");
        await Expect(page.Locator("[data-kind=outcome] details.observation")).ToHaveCountAsync(6);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Initiatives_ExpandAnObservation_ShowsItsTextEvidenceAndWhyItIsDatedSo()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, Plymouth);
        var momentum = page.Locator("details.observation[data-name='observations/plymouth-momentum']");
        await Expect(momentum.Locator(".evidence-summary").First).Not.ToBeVisibleAsync();

        await momentum.Locator("summary").ClickAsync();

        await Expect(momentum.Locator(".observation-note")).ToHaveTextAsync("Transformative for partners; energy in the city.");
        await Expect(momentum.Locator("[data-name='evidence/plymouth-interview-transformative'] .evidence-summary"))
            .ToHaveTextAsync("A partner called involvement in the project transformative and praised the Enabler highly.");
        await Expect(momentum.Locator(".evidence-item")).ToHaveCountAsync(2);
        var senior = page.Locator("details.observation[data-name='observations/plymouth-senior-engagement-early']");
        await Expect(senior.Locator("summary")).ToContainTextAsync("2012-01-01 (recorded 2015-07-01)");
        await DashboardBrowser.ScreenshotAsync(page, "initiatives-plymouth");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Initiatives_Plymouth_EachHeadingShowsLacksAndNotAssessed()
    {
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, Plymouth);

        await Expect(Heading(page, "7.2.4").Locator("td.ingredient")).ToContainTextAsync("Senior engagement from the outset");
        await Expect(Heading(page, "7.1.4").Locator("td.ingredient details.finding[data-rule=BURNING_PLATFORM]")).ToHaveCountAsync(1);
        await Expect(Heading(page, "7.2.2").Locator("td.caution")).ToContainTextAsync("Led by a partnership body");
        await Expect(Heading(page, "7.1.1").Locator("td.not-assessed details.unassessed[data-rule=FOCUSED]")).ToHaveCountAsync(1);
        await Expect(Heading(page, "7.1.1").Locator("td.ingredient details, td.risk details")).ToHaveCountAsync(0);
        await Expect(Heading(page, "7.3.3").Locator("td.not-assessed")).ToContainTextAsync("memorandum of understanding");
        await Expect(page.Locator("#cautions")).ToContainTextAsync("PARTNERSHIP_BODY_OWNER");
        await Expect(page.Locator(".outlook")).ToContainTextAsync("Momentum outlook: Strong");
        var unassessed = Heading(page, "7.1.1").Locator("details.unassessed[data-rule=FOCUSED]");
        await unassessed.Locator("summary").ClickAsync();
        await Expect(unassessed).ToContainTextAsync("neither present nor absent");
        await Expect(unassessed.Locator(".settle")).ToContainTextAsync("A distinct problem with a shared story");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Initiatives_Gloucestershire_LacksSupportOnEvidenceWithItsEvidenceAndMechanism()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/initiatives?name=initiatives/gloucestershire-local-vision&asOf=2015-09-01");

        var risk = Heading(page, "7.2.3").Locator("td.risk details.finding[data-rule=NO_SUPPORT]");
        await risk.Locator("summary").ClickAsync();
        var bulb = Heading(page, "7.3.2").Locator("td.ingredient details.finding[data-rule=COMMUNITY_LIGHT_BULB]");
        await bulb.Locator("summary").ClickAsync();

        await Expect(risk.Locator(".evidence-item")).Not.ToHaveCountAsync(0);
        await Expect(risk).ToContainTextAsync("Dedicated project and admin support: Unknown");
        await Expect(Heading(page, "7.2.3").Locator("td.not-assessed details.unassessed[data-rule=DEDICATED_SUPPORT]")).ToHaveCountAsync(1);
        await Expect(bulb.Locator(".mechanism")).ToContainTextAsync("observed");
        await DashboardBrowser.ScreenshotAsync(page, "initiatives-headings");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Initiatives_EarlyDate_HidesWhatWasRecordedLaterUnlessAsWeNowKnow()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/initiatives?name=initiatives/bdp-local-vision&asOf=2014-06-01");

        await Expect(Heading(page, "7.3.3").Locator("td.ingredient details.finding[data-rule=MOU_YARDSTICK]")).ToHaveCountAsync(1);
        await Expect(Heading(page, "7.2.4").Locator("td.ingredient details")).ToHaveCountAsync(0);
        await Expect(page.Locator("#observations-hidden")).ToBeVisibleAsync();
        await Expect(page.Locator("details.observation[data-name='observations/bdp-senior-engagement-early']")).ToHaveCountAsync(0);

        await page.Locator("#as-now-known").CheckAsync();

        await Expect(Heading(page, "7.2.4").Locator("td.ingredient details.finding[data-rule=SENIOR_EARLY]")).ToHaveCountAsync(1);
        await Expect(page.Locator("details.observation[data-name='observations/bdp-senior-engagement-early']")).ToHaveCountAsync(1);
        Assert.Contains("now=1", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Initiatives_BeforeTheStart_SaysNotStarted()
    {
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/initiatives?name=initiatives/solihull-local-vision&asOf=2014-06-01");

        await Expect(page.Locator("#not-started")).ToContainTextAsync("Not started by 2014-06-01");
        await Expect(page.Locator("#headings")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Initiatives_IncludeIllustrative_MarksThePriorTie()
    {
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, Plymouth + "&illustrative=1");

        await Expect(Heading(page, "7.1.3").Locator("details.finding[data-rule=PRIOR_TIE] .badge.illustrative")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Initiatives_AgainstThisServer_ChartsTheRedatedRecordAsKnownThenAndAsWeNowKnow()
    {
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, Plymouth);

        await Expect(page.Locator("#outlook-chart")).ToBeVisibleAsync();
        var dates = await page.EvaluateAsync<string[]>("() => window.localVisionOutlook.data.labels");
        var then = await page.EvaluateAsync<double[]>("() => window.localVisionOutlook.data.datasets[0].data");
        var now = await page.EvaluateAsync<double[]>("() => window.localVisionOutlook.data.datasets[1].data");
        var axis = await page.EvaluateAsync<double[]>("() => [window.localVisionOutlook.scales.y.min, window.localVisionOutlook.scales.y.max]");
        Assert.Equal("2012-01-01", dates[0]);
        Assert.Equal("2015-09-01", dates[^1]);
        Assert.Contains("2013-07-01", dates);
        var evaluation = new EvaluationService.EvaluationServiceClient(fixture.Server.Channel);
        for (var i = 0; i < dates.Length; i++)
        {
            foreach (var (asNowKnown, shown) in new[] { (false, then[i]), (true, now[i]) })
            {
                var answer = await evaluation.EvaluateInitiativeAsync(new EvaluateInitiativeRequest
                {
                    Name = "initiatives/plymouth-local-vision",
                    AsOf = Timestamp.FromDateTime(DateTime.SpecifyKind(DateTime.Parse(dates[i]), DateTimeKind.Utc)),
                    AsNowKnown = asNowKnown,
                }, cancellationToken: TestContext.Current.CancellationToken);
                Assert.Equal(answer.Outlook.Score, shown);
            }
        }
        Assert.True(now[0] > then[0], "as we now know, senior engagement and the burning platform held from the start");
        Assert.True(axis[0] <= then.Concat(now).Min() && axis[1] >= then.Concat(now).Max());
        await DashboardBrowser.ScreenshotAsync(page, "initiatives-outlook");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Initiatives_EvaluationAnswers501_SaysFindingsAreNotAvailableAndStillShowsObservations()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/evaluation*", route => route.FulfillAsync(new RouteFulfillOptions { Status = 501, ContentType = "application/json", Body = EvaluationNotAvailable }));

        await DashboardBrowser.OpenAsync(page, fixture.Server, Plymouth);

        await Expect(page.Locator("#findings .not-available")).ToContainTextAsync("Not available yet: the findings");
        await Expect(page.Locator("[data-kind=outcome]")).ToContainTextAsync("Commitment and momentum built");
        await page.Context.CloseAsync();
    }
}
