using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>The Predictors page's robustness toggle in a real browser: off, no test is asked; on, the robust core and the cases that move.</summary>
public sealed class PredictorsRobustnessPageTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    private const string CannedConditions = """
        {"outcome":"MOMENTUM","cases":["initiatives/plymouth-local-vision"],
         "conditions":[{"condition":"SENIOR_ENGAGEMENT_EARLY","n":6,"judgeable":true,"summary":"present in 2 of 3 cases with MOMENTUM","sufficiencyConsistency":0.9}]}
        """;

    private const string CannedSolution = """
        {"caseCount":6,"models":[{"expression":"SENIOR_ENGAGEMENT_EARLY","consistency":0.9,"coverage":0.7,
          "terms":[{"expression":"SENIOR_ENGAGEMENT_EARLY","consistency":0.9,"rawCoverage":0.7,"cases":["initiatives/plymouth-local-vision"]}]}]}
        """;

    private const string CannedRobustness = """
        {"initial":{"label":"initial","models":["SENIOR_ENGAGEMENT_EARLY"],"terms":["SENIOR_ENGAGEMENT_EARLY"],"consistency":0.9,"coverage":0.7,"caseCount":6},
         "tests":[{"label":"inclusion 0.9","models":["SENIOR_ENGAGEMENT_EARLY"],"terms":["SENIOR_ENGAGEMENT_EARLY"],"consistency":0.9,"coverage":0.7,"caseCount":6},
                  {"label":"without initiatives/plymouth-local-vision","caseCount":5,"note":"no row is positive: no solution","consistency":"NaN","coverage":"NaN"}],
         "robustCore":["SENIOR_ENGAGEMENT_EARLY"],"consistency":{"low":0.9,"high":0.9},"coverage":{"low":0.7,"high":0.7},
         "fit":{"rfCov":0.8,"rfCons":1,"rfScMinTs":"NaN","rfScMaxTs":0.5},
         "movingCases":[{"name":"initiatives/plymouth-local-vision","kind":"SHAKY_TYPICAL","runs":["without initiatives/plymouth-local-vision"]}]}
        """;

    [Fact]
    public async Task Predictors_RobustnessToggle_AsksTheTestOnlyWhenOnAndShowsTheCoreAndTheCasesThatMove()
    {
        var page = await browser.NewPageAsync();
        var asked = new List<JsonElement>();
        await page.RouteAsync("**/v1/conditions:analyze", route => Fulfil(route, CannedConditions));
        await page.RouteAsync("**/v1/truthTables:minimize", route => Fulfil(route, CannedSolution));
        await page.RouteAsync("**/v1/truthTables:testRobustness", route =>
        {
            asked.Add(JsonDocument.Parse(route.Request.PostData ?? "{}").RootElement.Clone());
            return Fulfil(route, CannedRobustness);
        });

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");
        await Expect(page.Locator("#solution .term")).ToHaveCountAsync(1);
        Assert.Empty(asked);
        await page.Locator("#robustness-toggle").CheckAsync();

        await Expect(page.Locator("#robust-core")).ToContainTextAsync("Holds under every choice");
        await Expect(page.Locator("#robustness-fit")).ToContainTextAsync("RF_cov 80%");
        await Expect(page.Locator("#robustness-fit")).ToContainTextAsync("RF_SC_minTS n/a, RF_SC_maxTS 50%");
        await Expect(page.Locator(".moving-case")).ToContainTextAsync("Plymouth Local Vision project");
        var request = Assert.Single(asked);
        Assert.Equal("MOMENTUM", request.GetProperty("minimization").GetProperty("outcome").GetString());
        Assert.True(request.GetProperty("leaveOneCaseOut").GetBoolean());
        await page.Context.CloseAsync();
    }

    private static Task Fulfil(IRoute route, string body) =>
        route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = body });
}
