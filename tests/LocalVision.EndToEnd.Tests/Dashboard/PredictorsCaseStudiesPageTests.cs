using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>
/// The Predictors page's "Cases to study next" panel in a real browser against the seeded server: the circumstance
/// chosen is COMMUNITY_ENGAGEMENT alone (the conditions analysis is canned so that it is the one preselected), and the
/// minimisation and the cases are the server's.
/// </summary>
public sealed class PredictorsCaseStudiesPageTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    private const string OneCondition = """{"outcome":"MOMENTUM","conditions":[{"condition":"COMMUNITY_ENGAGEMENT","n":12}]}""";

    [Fact]
    public async Task Predictors_CasesPanel_ListsEachKindWithItsCasesByDisplayName()
    {
        var page = await browser.NewPageAsync();
        var asked = new List<JsonElement>();
        await page.RouteAsync("**/v1/conditions:analyze", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = OneCondition }));
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/v1/truthTables:findCases", StringComparison.Ordinal))
            {
                asked.Add(JsonDocument.Parse(request.PostData ?? "{}").RootElement.Clone());
            }
        };

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");
        await Expect(page.Locator("#solution .term")).Not.ToHaveCountAsync(0);
        await page.Locator("#find-cases").ClickAsync();

        var typical = page.Locator("#case-studies .case-group[data-kind='CASE_KIND_TYPICAL']");
        await Expect(typical.Locator("h4")).ToContainTextAsync("Typical");
        await Expect(typical).ToContainTextAsync("Dudley");
        await Expect(typical).ToContainTextAsync("Hackney");
        var degree = page.Locator("#case-studies .case-group[data-kind='CASE_KIND_DEVIANT_DEGREE']");
        await Expect(degree).ToContainTextAsync("Gloucestershire");
        await Expect(degree).ToContainTextAsync("Wirral");
        // Display names, never resource names; ranks from 1; the purpose of each kind in words.
        await Expect(page.Locator("#cases-result")).Not.ToContainTextAsync("initiatives/");
        await Expect(typical.Locator(".case-to-study td").First).ToHaveTextAsync("1");
        await Expect(typical.Locator("p.muted").First).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#case-studies .case-group")).ToHaveCountAsync(5);
        // Evidence as counts per code with the project's page to read it, not a list of resource names.
        var dudley = typical.Locator(".case-to-study", new LocatorLocatorOptions { HasText = "Dudley" });
        await Expect(dudley.Locator("td.evidence")).ToContainTextAsync("COMMUNITY_ENGAGEMENT: ");
        await Expect(dudley.Locator("td.evidence")).ToContainTextAsync("piece");
        await Expect(page.Locator("#cases-result")).Not.ToContainTextAsync("observations/");
        await Expect(dudley.Locator("td.evidence a")).ToHaveAttributeAsync("href", "#/initiatives?name=initiatives%2Fdudley-local-vision");

        // Necessity of the circumstance itself: only the four kinds a necessity claim knows, deviant relevance last.
        await page.Locator("#cases-relation").SelectOptionAsync("SET_RELATION_NECESSITY");
        await page.Locator("#cases-term").SelectOptionAsync("COMMUNITY_ENGAGEMENT");
        await page.Locator("#find-cases").ClickAsync();

        await Expect(page.Locator("#cases-result")).ToContainTextAsync("as necessary for");
        await Expect(page.Locator("#case-studies .case-group")).ToHaveCountAsync(4);
        await Expect(page.Locator("#case-studies .case-group").Last.Locator("h4")).ToContainTextAsync("Deviant for relevance");
        await Expect(page.Locator("#case-studies .case-group[data-kind='CASE_KIND_DEVIANT_COVERAGE']")).ToHaveCountAsync(0);
        Assert.Equal(2, asked.Count);
        Assert.Equal("SET_RELATION_SUFFICIENCY", asked[0].GetProperty("relation").GetString());
        Assert.Equal("", asked[0].GetProperty("term").GetString());
        Assert.Equal("SET_RELATION_NECESSITY", asked[1].GetProperty("relation").GetString());
        Assert.Equal("COMMUNITY_ENGAGEMENT", asked[1].GetProperty("term").GetString());
        Assert.Equal(["COMMUNITY_ENGAGEMENT"], asked[1].GetProperty("minimization").GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Predictors_CasesPanel_UnknownTerm_ShowsTheServersRefusal()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/v1/conditions:analyze", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = OneCondition }));
        // The page offers only the solution's terms: a misspelt one reaches the server only by changing the request on its way.
        await page.RouteAsync("**/v1/truthTables:findCases", route =>
        {
            var body = JsonNode.Parse(route.Request.PostData ?? "{}")!;
            body["term"] = "COMMUNITY_ENGAGMENT";
            return route.ContinueAsync(new RouteContinueOptions { PostData = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()) });
        });

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");
        await Expect(page.Locator("#solution .term")).Not.ToHaveCountAsync(0);
        await page.Locator("#find-cases").ClickAsync();

        var problem = page.Locator("#cases-result .problem");
        await Expect(problem).ToContainTextAsync("COMMUNITY_ENGAGMENT");
        await Expect(problem).ToContainTextAsync("HTTP 400");
        await page.Context.CloseAsync();
    }
}
