using Grpc.Core;
using LocalVision.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>The Network page in a real browser against the sample dataset.</summary>
public sealed class NetworkPageTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    private const string PathNotAvailable = """{"code":12,"message":"GET /v1/paths is not served by this server (UNIMPLEMENTED)","details":[]}""";

    private const string CannedPath = """
        {"paths":[{"nodes":[
          {"name":"partners/hackney-council","label":"Partner","displayName":"Hackney Council"},
          {"name":"initiatives/hackney-local-vision","label":"Initiative","displayName":"Hackney Local Vision project"},
          {"name":"enablers/fir","label":"Enabler","displayName":"Enabler Fir"},
          {"name":"initiatives/merton-local-vision","label":"Initiative","displayName":"Merton Local Vision project"},
          {"name":"partners/merton-council","label":"Partner","displayName":"Merton Council"}],
         "relationships":[
          {"type":"PARTNER_IN","start":"partners/hackney-council","end":"initiatives/hackney-local-vision"},
          {"type":"ENABLES","start":"enablers/fir","end":"initiatives/hackney-local-vision"},
          {"type":"ENABLES","start":"enablers/fir","end":"initiatives/merton-local-vision"},
          {"type":"PARTNER_IN","start":"partners/merton-council","end":"initiatives/merton-local-vision"}],
         "cost":4}]}
        """;

    [Fact]
    public async Task Network_Plymouth_DrawsItsPartnersOnTheCanvas()
    {
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/network?locality=localities/plymouth");

        var partners = await page.EvaluateAsync<string[]>("() => window.localVisionNetwork.nodes('[kindOf = \"Partner\"]').map(n => n.id())");
        Assert.Contains("partners/plymouth-hwbb", partners);
        Assert.Contains("partners/plymouth-city-council", partners);
        Assert.Contains("partners/new-devon-ccg", partners);
        Assert.Contains("partners/salvation-army-plymouth", partners);
        await Expect(page.Locator("#network-summary")).ToContainTextAsync("Plymouth: 10 organisations");
        await Expect(page.Locator("#network-legend")).ToContainTextAsync("Health and Wellbeing Board");
        await DashboardBrowser.ScreenshotAsync(page, "network-plymouth");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Network_ClickAPartner_ShowsItsTiesAndInitiatives()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/network?locality=localities/plymouth");

        await ClickNodeAsync(page, "partners/plymouth-hwbb");

        await Expect(page.Locator("#network-details h2")).ToHaveTextAsync("Plymouth Health and Wellbeing Board");
        await Expect(page.Locator("#details-initiatives")).ToContainTextAsync("Plymouth Local Vision project");
        await Expect(page.Locator("#details-initiatives")).ToContainTextAsync("Plymouth Local Vision follow-on");
        await Expect(page.Locator("#details-ties")).ToContainTextAsync("Based in Plymouth");
        await Expect(page.Locator("#details-ties")).ToContainTextAsync("as lead");
        await DashboardBrowser.ScreenshotAsync(page, "network-partner-details");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WhatIf_EnablerFirLeaves_SaysMertonWouldBeCutOff()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/network?locality=localities/hackney");
        await ClickNodeAsync(page, "enablers/fir");
        await Expect(page.Locator("#network-details h2")).ToHaveTextAsync("Enabler Fir");

        await page.ClickAsync("#what-if");

        await Expect(page.Locator("#what-if-result")).ToContainTextAsync("would be cut off");
        await Expect(page.Locator("#what-if-cut-off")).ToContainTextAsync("London Borough of Merton");
        await DashboardBrowser.ScreenshotAsync(page, "network-what-if");
        await page.Context.CloseAsync();
    }

    private static async Task ClickNodeAsync(IPage page, string name)
    {
        var at = await page.EvaluateAsync<double[]>("""
            id => {
              const cy = window.localVisionNetwork;
              const box = cy.container().getBoundingClientRect();
              const p = cy.$id(id).renderedPosition();
              return [box.left + p.x, box.top + p.y];
            }
            """, name);
        await page.Mouse.ClickAsync((float)at[0], (float)at[1]);
    }

    [Fact]
    public async Task Network_FilterByPartnerKind_KeepsOnlyPartnersOfThatKind()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/network?locality=localities/plymouth");

        await page.SelectOptionAsync("#network-kind", "VOLUNTARY");

        await Expect(page.Locator("#network-summary")).ToContainTextAsync("Plymouth: 2 organisations");
        var kinds = await page.EvaluateAsync<string[]>("() => window.localVisionNetwork.nodes('[kindOf = \"Partner\"]').map(n => n.data('kind'))");
        Assert.Equal(["VOLUNTARY", "VOLUNTARY"], kinds);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PathFinder_AgainstThisServer_ShowsThePathFromOnePartnerToTheOther()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/network?locality=localities/hackney&from=partners/hackney-council&to=partners/merton-council");

        await page.ClickAsync("#path-find");

        await Expect(page.Locator("#path-steps .path-node").First).ToHaveTextAsync("London Borough of Hackney");
        await Expect(page.Locator("#path-steps .path-node").Last).ToContainTextAsync("Merton");
        await DashboardBrowser.ScreenshotAsync(page, "network-path");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SizeBy_Betweenness_DrawsTheServersTopBrokerLargest()
    {
        var scores = new NetworkService.NetworkServiceClient(fixture.Server.Channel).ComputeCentrality(new ComputeCentralityRequest
        {
            Algorithm = CentralityAlgorithm.Betweenness,
            Labels = { "Partner", "Initiative", "Enabler", "Locality" },
            RelationshipTypes = { "BASED_IN", "IN_LOCALITY", "PARTNER_IN", "ENABLES", "COLLABORATES_WITH" },
            Top = 10_000,
        }, cancellationToken: TestContext.Current.CancellationToken);
        var ranked = await scores.ResponseStream.ReadAllAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/network?locality=localities/plymouth&size=BETWEENNESS");

        await Expect(page.Locator("#network-size-note")).ToContainTextAsync("betweenness");
        var sizes = await page.EvaluateAsync<Dictionary<string, double>>("() => Object.fromEntries(window.localVisionNetwork.nodes().map(n => [n.id(), n.data('size')]))");
        var shownTop = ranked.First(s => sizes.ContainsKey(s.Name));
        var shownBottom = ranked.Last(s => sizes.ContainsKey(s.Name));
        Assert.True(shownTop.Score > shownBottom.Score, "the sample's Plymouth network should have brokers and non-brokers");
        Assert.Equal(sizes.Values.Max(), sizes[shownTop.Name]);
        Assert.True(sizes[shownTop.Name] > sizes[shownBottom.Name]);

        await page.SelectOptionAsync("#network-size", "VIEW");

        await Expect(page.Locator("#network-size-note")).ToContainTextAsync("ties in this view");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PathFinder_ServerAnswers501_SaysPathFindingIsNotAvailableYet()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/v1/paths?**", route => route.FulfillAsync(new RouteFulfillOptions { Status = 501, ContentType = "application/json", Body = PathNotAvailable }));
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/network?locality=localities/hackney&from=partners/hackney-council&to=partners/merton-council");

        await page.ClickAsync("#path-find");

        await Expect(page.Locator("#path-result .not-available")).ToContainTextAsync("Not available yet: path finding");
        await Expect(page.Locator("#path-result")).ToContainTextAsync("NetworkService.FindPaths");
        await Expect(page.Locator("#path-result .problem")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PathFinder_ServerFindsAPath_ShowsItsStepsInWords()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/v1/paths?**", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = CannedPath }));
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/network?locality=localities/hackney&from=partners/hackney-council&to=partners/merton-council");

        await page.ClickAsync("#path-find");

        await Expect(page.Locator("#path-steps .path-node")).ToHaveTextAsync(
            ["Hackney Council", "Hackney Local Vision project", "Enabler Fir", "Merton Local Vision project", "Merton Council"]);
        await Expect(page.Locator("#path-steps")).ToContainTextAsync("enabled by");
        await Expect(page.Locator("#path-result")).ToContainTextAsync("4 steps");
        var highlighted = await page.EvaluateAsync<string[]>("() => window.localVisionNetwork.nodes('.on-path').map(n => n.id())");
        Assert.Contains("partners/hackney-council", highlighted);
        await page.Context.CloseAsync();
    }
}
