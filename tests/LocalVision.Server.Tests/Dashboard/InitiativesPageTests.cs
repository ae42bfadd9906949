using Google.Protobuf.WellKnownTypes;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.Server.Tests.Dashboard;

/// <summary>The Initiatives page in a real browser against the sample dataset.</summary>
public sealed class InitiativesPageTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    private const string Plymouth = "#/initiatives?name=initiatives/plymouth-local-vision";

    private const string EvaluationNotAvailable = """{"code":12,"message":"GET /v1/initiatives/plymouth-local-vision/evaluation is not served by this server (UNIMPLEMENTED)","details":[]}""";

    private const string CannedEvaluation = """
        {"initiative":"initiatives/plymouth-local-vision","findings":[
          {"ruleId":"SENIOR_EARLY","polarity":"POLARITY_INGREDIENT","title":"Senior engagement from the outset","explanation":"Senior leaders were involved from the start, so momentum could build early.","reportSection":"7.2.4","observations":["observations/plymouth-senior-engagement-early"]},
          {"ruleId":"NO_MOU","polarity":"POLARITY_RISK","title":"No memorandum of understanding","explanation":"Without an MOU there is no shared yardstick.","reportSection":"7.3.3"},
          {"ruleId":"PARTNERSHIP_BODY_OWNER","polarity":"POLARITY_CAUTION","title":"Led by a partnership body","explanation":"Exposed to restructuring.","reportSection":"7.2.2","observations":["observations/plymouth-owner-partnership-body"]}],
         "outlook":{"rating":"STRONG","score":0.8,"reasons":["early senior engagement","follow-on funding"]}}
        """;

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
    public async Task Initiatives_ExpandAnObservation_ShowsItsTextAndEvidenceSummaries()
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
        await Expect(momentum.Locator(".evidence-summary").First).ToBeVisibleAsync();
        await DashboardBrowser.ScreenshotAsync(page, "initiatives-plymouth");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Initiatives_AgainstThisServer_ShowsFindingsAndTheOutlookByYearOnAnAxisThatHoldsIt()
    {
        var evaluation = new EvaluationService.EvaluationServiceClient(fixture.Server.Channel);
        var expected = new List<double>();
        foreach (var year in new[] { 2012, 2013, 2014, 2015 })
        {
            var answer = await evaluation.EvaluateInitiativeAsync(new EvaluateInitiativeRequest
            {
                Name = "initiatives/plymouth-local-vision",
                AsOf = Timestamp.FromDateTime(new DateTime(year, 12, 31, 0, 0, 0, DateTimeKind.Utc)),
            }, cancellationToken: TestContext.Current.CancellationToken);
            expected.Add(answer.Outlook.Score);
        }
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, Plymouth);

        await Expect(page.Locator("#findings .finding-columns")).ToContainTextAsync("Senior engagement from the outset");
        await Expect(page.Locator("#outlook-chart")).ToBeVisibleAsync();
        var shown = await page.EvaluateAsync<double[]>("() => window.localVisionOutlook.data.datasets[0].data");
        var axis = await page.EvaluateAsync<double[]>("() => [window.localVisionOutlook.scales.y.min, window.localVisionOutlook.scales.y.max]");
        Assert.Equal(expected, shown);
        Assert.True(axis[0] <= expected.Min() && axis[1] >= expected.Max(), $"the axis {axis[0]}..{axis[1]} cuts off scores {string.Join(", ", expected)}");
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

    [Fact]
    public async Task Initiatives_EvaluationAnswers_ShowsFindingsAsIngredientsRisksAndCautionsWithEvidence()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/evaluation*", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = CannedEvaluation }));
        await DashboardBrowser.OpenAsync(page, fixture.Server, Plymouth);

        var senior = page.Locator(".finding-column.ingredient details.finding[data-rule=SENIOR_EARLY]");
        await senior.Locator("summary").ClickAsync();

        await Expect(page.Locator(".outlook")).ToContainTextAsync("Momentum outlook: Strong");
        await Expect(page.Locator(".finding-column.risk")).ToContainTextAsync("No memorandum of understanding");
        await Expect(page.Locator(".finding-column.caution")).ToContainTextAsync("Led by a partnership body");
        await Expect(senior).ToContainTextAsync("Senior leaders were involved from the start");
        await Expect(senior.Locator(".evidence-item")).Not.ToHaveCountAsync(0);
        await DashboardBrowser.ScreenshotAsync(page, "initiatives-findings");
        await page.Context.CloseAsync();
    }
}
