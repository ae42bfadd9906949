using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>The Predictors page's models as the API gives them (#18, #19): names, unique coverage, a list longer than one page.</summary>
public sealed class SolutionModelsPageTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    private const string TwoSingleTermModels = """
        {"models":[
          {"name":"M1","expression":"COMMUNITY_ENGAGEMENT","consistency":0.9,"coverage":0.4,
           "terms":[{"expression":"COMMUNITY_ENGAGEMENT","consistency":0.9,"rawCoverage":0.4,"uniqueCoverage":0.4,"cases":["initiatives/hackney-local-vision"]}]},
          {"name":"M2","expression":"DEDICATED_SUPPORT","consistency":0.9,"coverage":0.4,
           "terms":[{"expression":"DEDICATED_SUPPORT","consistency":0.9,"rawCoverage":0.4,"uniqueCoverage":0.4,"cases":["initiatives/hackney-local-vision"]}]}],
         "nextPageToken":"more","totalModels":1500}
        """;

    [Fact]
    public async Task Predictors_SingleTermModelsOfALongList_ShowUniqueCoverageAsTheJsonHasItAndSayMoreExist()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/v1/conditions:analyze", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = """{"outcome":"MOMENTUM","conditions":[{"condition":"SENIOR_ENGAGEMENT_EARLY","n":6}]}""" }));
        await page.RouteAsync("**/v1/truthTables:minimize", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = TwoSingleTermModels }));

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");

        await Expect(page.Locator("#solution .model h3")).ToHaveCountAsync(2);
        await Expect(page.Locator("#solution .model h3").Nth(1)).ToContainTextAsync("Model M2");
        await Expect(page.Locator("#solution .term").First).ToContainTextAsync("unique coverage 40%, the only term");
        await Expect(page.Locator("#solution .notice")).ToContainTextAsync("The first 2 of 1500 equally simple models are shown");
        await page.Context.CloseAsync();
    }
}
