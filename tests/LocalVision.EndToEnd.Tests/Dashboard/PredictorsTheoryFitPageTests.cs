using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>
/// The Predictors page's "Theory against the solution" panel in a real browser against the seeded server: the
/// circumstances chosen are SENIOR_ENGAGEMENT_EARLY alone (the conditions analysis is canned so that it is the one
/// preselected), and the comparison itself is the server's.
/// </summary>
public sealed class PredictorsTheoryFitPageTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    private const string OneCondition = """{"outcome":"MOMENTUM","conditions":[{"condition":"SENIOR_ENGAGEMENT_EARLY","n":6}]}""";

    [Fact]
    public async Task Predictors_TheoryPanel_ComparesARuleAndAnExpressionWithTheCombinations()
    {
        var page = await browser.NewPageAsync();
        var asked = new List<JsonElement>();
        await page.RouteAsync("**/v1/conditions:analyze", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = OneCondition }));
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/v1/truthTables:evaluateTheory", StringComparison.Ordinal))
            {
                asked.Add(JsonDocument.Parse(request.PostData ?? "{}").RootElement.Clone());
            }
        };

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");
        await Expect(page.Locator("#solution .term")).ToHaveCountAsync(1);
        // Only rules whose every circumstance was chosen are offered: SENIOR_EARLY reads SENIOR_ENGAGEMENT_EARLY alone, SENIOR_LATE also SHORT_FUNDED.
        await Expect(page.Locator("#theory-rule option[value='SENIOR_EARLY']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#theory-rule option[value='SENIOR_LATE']")).ToHaveCountAsync(0);
        await page.Locator("#theory-rule").SelectOptionAsync("SENIOR_EARLY");
        await page.Locator("#evaluate-theory").ClickAsync();

        await Expect(page.Locator("#theory-fit .intersection")).ToHaveCountAsync(4);
        var agree = page.Locator("#theory-fit .intersection[data-label='T*S']");
        await Expect(agree).ToContainTextAsync("Theory and combinations agree");
        await Expect(agree.Locator(".with-outcome")).ToContainTextAsync("Plymouth Local Vision project");

        // The theory's negation: the same projects, now found by the combinations but not foreseen by the theory.
        await page.Locator("#theory-rule").SelectOptionAsync("");
        await page.Locator("#theory-expression").FillAsync("~SENIOR_ENGAGEMENT_EARLY");
        await page.Locator("#evaluate-theory").ClickAsync();

        await Expect(page.Locator("#theory-fit .intersection[data-label='~T*S'] .with-outcome")).ToContainTextAsync("Plymouth Local Vision project");
        await Expect(page.Locator("#theory-fit .intersection[data-label='T*S'] .with-outcome")).ToContainTextAsync("none");
        Assert.Equal(2, asked.Count);
        Assert.Equal("SENIOR_EARLY", asked[0].GetProperty("rule").GetString());
        Assert.Equal("~SENIOR_ENGAGEMENT_EARLY", asked[1].GetProperty("theory").GetString());
        Assert.Equal(["SENIOR_ENGAGEMENT_EARLY"], asked[1].GetProperty("minimization").GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Predictors_TheoryPanel_UnknownConditionInTheExpression_ShowsTheServersSuggestion()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/v1/conditions:analyze", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = OneCondition }));

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");
        await Expect(page.Locator("#solution .term")).ToHaveCountAsync(1);
        await page.Locator("#theory-rule").SelectOptionAsync("");
        await page.Locator("#theory-expression").FillAsync("SENIOR_ENGAGEMENT_ERLY");
        await page.Locator("#evaluate-theory").ClickAsync();

        await Expect(page.Locator("#theory-fit-result .problem")).ToContainTextAsync("SENIOR_ENGAGEMENT_ERLY");
        await page.Context.CloseAsync();
    }
}
