using LocalVision.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>The Predictors and Cohort pages (InsightService) in a real browser.</summary>
public sealed class InsightPagesTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    private const string NotServed = """{"code":12,"message":"not served by this server (UNIMPLEMENTED)","details":[]}""";

    private const string CannedConditions = """
        {"outcome":"MOMENTUM","cases":["initiatives/plymouth-local-vision","initiatives/hackney-local-vision","initiatives/wirral-local-vision"],
         "conditions":[
          {"condition":"SENIOR_ENGAGEMENT_EARLY","n":6,"judgeable":true,"summary":"present in 2 of 3 cases with MOMENTUM","sufficiencyConsistency":0.9,"sufficiencyCoverage":0.6,"necessityConsistency":0.6,"necessityCoverage":0.9,
           "points":[{"name":"initiatives/plymouth-local-vision","condition":1,"outcome":1},{"name":"initiatives/wirral-local-vision","condition":0,"outcome":0.2}],
           "excluded":[{"name":"initiatives/dudley-local-vision","reason":"EXCLUSION_REASON_UNKNOWN","explanation":"no value for SENIOR_ENGAGEMENT_EARLY"}],
           "casesInCondition":["initiatives/plymouth-local-vision","initiatives/hackney-local-vision"],"casesInBoth":["initiatives/plymouth-local-vision","initiatives/hackney-local-vision"]},
          {"condition":"ALIGNED_BCF","n":3,"tooFewCases":true,"summary":"present in 0 of 1 case with MOMENTUM — too few cases to judge","sufficiencyConsistency":0.3,"sufficiencyCoverage":0.2,"necessityConsistency":0.2,"necessityCoverage":0.3,
           "casesInCondition":["initiatives/wirral-local-vision"],"casesInBoth":[]}]}
        """;

    private const string CannedSolution = """
        {"models":[{"expression":"SENIOR_ENGAGEMENT_EARLY*~ALIGNED_BCF + COMMUNITY_ENGAGEMENT","consistency":0.92,"coverage":0.7,
          "terms":[
            {"expression":"SENIOR_ENGAGEMENT_EARLY*~ALIGNED_BCF","consistency":0.95,"rawCoverage":0.5,"cases":["initiatives/plymouth-local-vision"]},
            {"expression":"COMMUNITY_ENGAGEMENT","consistency":0.9,"rawCoverage":0.3,"cases":["initiatives/hackney-local-vision"]}]}]}
        """;

    private const string CannedCohort = """
        {"selected":[{"initiative":"initiatives/hackney-local-vision","locality":"localities/hackney","score":0.82,"funding":27000,"selected":true,
                      "reasons":["Senior leaders engaged from the outset","Meets the London borough minimum"]}],
         "excluded":[{"initiative":"initiatives/wirral-local-vision","locality":"localities/wirral","score":0.41,"funding":27000,
                      "reasons":["No dedicated project support"]}],
         "totalScore":0.82,"totalFunding":27000,"optimal":true}
        """;

    [Fact]
    public async Task Predictors_InsightServiceAnswers501_SaysEachPartIsNotAvailableYet()
    {
        var page = await browser.NewPageAsync();
        await RouteAsync(page, "**/v1/conditions:analyze", 501, NotServed);
        await RouteAsync(page, "**/v1/truthTables:minimize", 501, NotServed);

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");

        await Expect(page.Locator("#conditions-analysis .not-available")).ToContainTextAsync("InsightService.AnalyzeConditions");
        // Without the analysis nothing is pre-selected (it cannot say which conditions have cases); asked anyway, the search says it is not served.
        await Expect(page.Locator("#solution .hint")).ToContainTextAsync("Choose at least one circumstance");
        await page.Locator(".condition-picker input[value=SENIOR_ENGAGEMENT_EARLY]").CheckAsync();
        await page.Locator("#minimize").ClickAsync();
        await Expect(page.Locator("#solution .not-available")).ToContainTextAsync("InsightService.MinimizeTruthTable");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Predictors_AgainstThisServer_ListsEveryConditionSaysNoneCanBeJudgedAndPreselectsOnlyConditionsWithCases()
    {
        var analysed = await new InsightService.InsightServiceClient(fixture.Server.Channel).AnalyzeConditionsAsync(
            new AnalyzeConditionsRequest { Outcome = "MOMENTUM" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.DoesNotContain(analysed.Conditions, c => c.Judgeable);
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");

        // No condition can be judged on the sample: no bars, a plain sentence instead.
        await Expect(page.Locator("#nothing-judgeable")).ToBeVisibleAsync();
        await Expect(page.Locator("#conditions-chart")).ToHaveCountAsync(0);
        await Expect(page.Locator("#conditions-table tbody tr")).ToHaveCountAsync(analysed.Conditions.Count);
        foreach (var condition in analysed.Conditions)
        {
            await Expect(page.Locator($"#conditions-table tr[data-condition={condition.Condition}]")).ToContainTextAsync(condition.Summary);
        }
        await Expect(page.Locator("#conditions-analysis .problem")).ToHaveCountAsync(0);
        // The combinations start from conditions that have cases, and left-out cases come grouped, not a box each.
        await Expect(page.Locator("#solution .muted").First).ToBeVisibleAsync();
        var checkedConditions = await page.Locator(".condition-picker input:checked").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.value)");
        Assert.NotEmpty(checkedConditions);
        Assert.All(checkedConditions, c => Assert.True(analysed.Conditions.Single(x => x.Condition == c).N > 0, $"{c} is pre-selected but no case has it"));
        await Expect(page.Locator("#solution .notice", new() { HasText = " left out: " })).ToHaveCountAsync(0);
        await DashboardBrowser.ScreenshotAsync(page, "predictors");
        // A condition's XY plot on this server's cases: a dot per case the server plots, the quadrants, the left-out cases named.
        var community = analysed.Conditions.Single(c => c.Condition == "COMMUNITY_ENGAGEMENT");
        await page.Locator("#conditions-table tr[data-condition=COMMUNITY_ENGAGEMENT]").ClickAsync();
        await Expect(page.Locator("#xy-chart .xy-case")).ToHaveCountAsync(community.Points.Count);
        await Expect(page.Locator("#xy-chart .xy-quadrant")).ToHaveCountAsync(4);
        await Expect(page.Locator("#xy-plot .xy-left-out", new() { HasText = "(no value for COMMUNITY_ENGAGEMENT)" })).ToHaveCountAsync(1);
        await DashboardBrowser.ScreenshotAsync(page, "predictors-xy");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Predictors_ConditionsAnalysed_DrawsBarsAndReadableCombinationsWithTheirCases()
    {
        var page = await browser.NewPageAsync();
        await RouteAsync(page, "**/v1/conditions:analyze", 200, CannedConditions);
        await RouteAsync(page, "**/v1/truthTables:minimize", 200, CannedSolution);

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");

        await Expect(page.Locator("#conditions-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#conditions-table tr[data-condition=SENIOR_ENGAGEMENT_EARLY]")).ToContainTextAsync("90%");
        // The bars are drawn: the canvas holds many pixels of the sufficiency-consistency colour (#1f6fb4).
        var barPixels = await page.EvaluateAsync<int>("""
            () => {
              const canvas = document.getElementById('conditions-chart');
              const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let count = 0;
              for (let i = 0; i < data.length; i += 4) if (data[i] === 31 && data[i + 1] === 111 && data[i + 2] === 180) count++;
              return count;
            }
            """);
        Assert.True(barPixels > 500, $"expected sufficiency-consistency bars on the chart; found {barPixels} pixels of their colour");
        var terms = page.Locator("#solution .term");
        await Expect(terms).ToHaveCountAsync(2);
        await Expect(terms.First.Locator(".combination")).ToHaveTextAsync("Senior leaders involved from the start and NOT ran beside the Better Care Fund");
        await Expect(terms.First.Locator(".cases")).ToHaveTextAsync("Cases: Plymouth Local Vision project");
        // A click on a condition draws its XY plot: a dot and a name per case, the diagonal, the four quadrants named,
        // the figures, and the cases left out named with why.
        await page.Locator("#conditions-table tr[data-condition=SENIOR_ENGAGEMENT_EARLY]").ClickAsync();
        await Expect(page.Locator("#xy-chart")).ToBeVisibleAsync();
        await Expect(page.Locator("#xy-chart .xy-case")).ToHaveCountAsync(2);
        await Expect(page.Locator("#xy-chart .xy-label")).ToHaveTextAsync(["Plymouth Local Vision project", "Wirral Local Vision project"]);
        await Expect(page.Locator("#xy-chart .xy-diagonal")).ToHaveCountAsync(1);
        await Expect(page.Locator("#xy-chart .xy-quadrant")).ToHaveTextAsync(
            ["deviant cases coverage", "typical cases", "individually irrelevant cases", "deviant cases consistency"]);
        await Expect(page.Locator("#xy-plot .xy-figures")).ToContainTextAsync("Sufficiency: consistency 90%, coverage 60%");
        await Expect(page.Locator("#xy-plot .xy-left-out")).ToHaveTextAsync("Left out (no value for SENIOR_ENGAGEMENT_EARLY): Dudley Local Vision project.");
        // Plymouth (1, 1) sits at the plot's top-right corner, Wirral (0, 0.2) on its left edge.
        var corners = await page.EvaluateAsync<double[]>("""
            () => {
              const area = document.querySelector('#xy-chart .xy-area').getBBox();
              const dot = document.querySelector('#xy-chart .xy-case[data-case="initiatives/plymouth-local-vision"]');
              return [area.x + area.width, area.y, Number(dot.getAttribute('cx')), Number(dot.getAttribute('cy'))];
            }
            """);
        Assert.Equal(corners[0], corners[2], 3);
        Assert.Equal(corners[1], corners[3], 3);
        await DashboardBrowser.ScreenshotAsync(page, "predictors-answered");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cohort_InsightServiceAnswers501_SaysSelectionIsNotAvailableYet()
    {
        var page = await browser.NewPageAsync();
        await RouteAsync(page, "**/v1/cohorts:select", 501, NotServed);

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/cohort");

        await Expect(page.Locator("#cohort-result .not-available")).ToContainTextAsync("InsightService.SelectCohort");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cohort_SelectionAnswered_ShowsPicksAndExclusionsWithReasons()
    {
        var page = await browser.NewPageAsync();
        string? requestBody = null;
        await page.RouteAsync("**/v1/cohorts:select", route =>
        {
            requestBody = route.Request.PostData;
            return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = CannedCohort });
        });

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/cohort");

        await Expect(page.Locator("#cohort-selected .candidate h3")).ToHaveTextAsync(["Hackney Local Vision project"]);
        await Expect(page.Locator("#cohort-selected .candidate")).ToContainTextAsync("Meets the London borough minimum");
        await Expect(page.Locator("#cohort-excluded .candidate")).ToContainTextAsync("No dedicated project support");
        Assert.Contains("\"LONDON_BOROUGH\"", requestBody);
        await DashboardBrowser.ScreenshotAsync(page, "cohort-answered");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cohort_AgainstThisServer_RehearsesOnPastProjectsAndShowsTheChoice()
    {
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/cohort");

        await Expect(page.Locator("#cohort-rehearsal")).ToBeVisibleAsync();
        await Expect(page.Locator("#cohort-selected > *").First).ToBeVisibleAsync();
        await Expect(page.Locator("#cohort-selected")).ToContainTextAsync("Local Vision");
        await Expect(page.Locator("#cohort-result .problem")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cohort_MoreLondonBoroughsThanApply_SaysWhichConstraintBindsAndWhatWouldRelaxIt()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/cohort");

        await page.Locator("input[data-la-type=LONDON_BOROUGH]").FillAsync("3");
        await page.Locator("#cohort-select").ClickAsync();

        var explained = page.Locator("#cohort-infeasible");
        await Expect(explained).ToContainTextAsync("No cohort can meet these settings. This constraint rules out every cohort:");
        await Expect(explained.Locator("li[data-subject='constraints[0]']"))
            .ToHaveTextAsync("At least 3 London boroughs are asked for, but only 2 applicants qualify: lower the minimum to 2, or add applicants in London boroughs.");
        await Expect(page.Locator("input[data-la-type=LONDON_BOROUGH]")).ToHaveClassAsync("binds");
        await Expect(page.Locator("#cohort-result .problem")).ToHaveCountAsync(0);
        await Expect(page.Locator("#cohort-result")).Not.ToContainTextAsync("HTTP 400");
        await DashboardBrowser.ScreenshotAsync(page, "cohort-infeasible");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cohort_BudgetTooTight_SaysWhatTheCheapestCohortCostsInPounds()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/cohort");

        await page.Locator("#cohort-budget").FillAsync("100000");
        await page.Locator("#cohort-select").ClickAsync();

        await Expect(page.Locator("#cohort-infeasible li[data-subject=budget]"))
            .ToHaveTextAsync("The 6 cheapest applicants together cost £162,000, over the budget of £100,000: raise the budget to £162,000, or fund 3 projects, the most it pays for.");
        await Expect(page.Locator("#cohort-budget")).ToHaveClassAsync("binds");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cohort_AgainstThisServer_DrawsTheCohortAgainstEachKindOfAreaAndTheBudget()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/cohort");

        await page.Locator("#cohort-budget").FillAsync("200000");
        await page.Locator("#cohort-select").ClickAsync();

        await Expect(page.Locator("#cohort-budget-bar")).ToContainTextAsync("£162,000 of £200,000 (81%), £38,000 left");
        var counts = await page.Locator("#cohort-picture .constraint-bar[data-la-type]").EvaluateAllAsync<int[]>("bars => bars.map(b => Number(b.dataset.count))");
        Assert.Equal(4, counts.Length);
        await Expect(page.Locator("#cohort-selected > *")).ToHaveCountAsync(6);
        // Bournemouth, Dorset & Poole is a county and two unitaries, so when it is chosen it counts in both bars.
        var spanning = await page.Locator("#cohort-selected").TextContentAsync() ?? "";
        Assert.Equal(spanning.Contains("Bournemouth, Dorset & Poole", StringComparison.Ordinal) ? 7 : 6, counts.Sum());
        await Expect(page.Locator(".constraint-bar[data-la-type=LONDON_BOROUGH]")).ToContainTextAsync("at least 1 ✓");
        await Expect(page.Locator("#cohort-tie-break")).ToContainTextAsync("go to the cheaper one");
        // Ties are said in the reasons, with the initiatives' names rather than their resource names.
        var tie = page.Locator("#cohort-excluded li.tie").First;
        await Expect(tie).ToContainTextAsync("ties with the chosen one on readiness");
        await Expect(tie).Not.ToContainTextAsync("initiatives/");
        await Expect(page.Locator("#cohort-selected .candidate").First).ToContainTextAsync("£27,000");
        await DashboardBrowser.ScreenshotAsync(page, "cohort-picture");
        await page.Context.CloseAsync();
    }

    private static Task RouteAsync(IPage page, string url, int status, string body) =>
        page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions { Status = status, ContentType = "application/json", Body = body }));
}
