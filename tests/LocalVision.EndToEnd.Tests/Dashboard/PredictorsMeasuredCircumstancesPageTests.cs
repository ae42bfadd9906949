using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>
/// The Predictors page's "Add a measured circumstance" against the seeded server: a partner-kind count calibrated by
/// the server is previewed project by project, added to the conditions analysis and sent as derivedConditions with
/// the minimisation; bad anchors come back as the server's refusal.
/// </summary>
public sealed class PredictorsMeasuredCircumstancesPageTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    [Fact]
    public async Task Predictors_PartnerKindCount_IsPreviewedAnalysedAndSentWithTheMinimisation()
    {
        var page = await browser.NewPageAsync();
        var analyses = Captured(page, "/v1/conditions:analyze");
        await OpenPredictorsAsync(page);

        await FillAsync(page, "KINDS", "1", "2", "4");
        await page.Locator("#derived-preview-button").ClickAsync();

        // On that date only Solihull has both partners with a kind and a momentum value; the others' are unknown, named.
        var solihull = page.Locator("#derived-preview-table tbody tr[data-case='initiatives/solihull-local-vision']");
        await Expect(solihull.Locator("td").First).ToHaveTextAsync("Solihull Local Vision project");
        await Expect(solihull.Locator("td").Nth(2)).ToHaveTextAsync(new Regex(@"^[01]\.\d\d$"));
        await Expect(page.Locator("#derived-preview .notice")).ToContainTextAsync("Hackney Local Vision project");
        await Expect(page.Locator("#derived-preview")).Not.ToContainTextAsync("initiatives/");
        await Expect(page.Locator(".condition-picker input[value='KINDS']")).ToHaveCountAsync(0);

        await page.Locator("#derived-add").ClickAsync();
        var row = page.Locator("#conditions-table tr[data-condition='KINDS']");
        await Expect(row).ToContainTextAsync("KINDS (number of kinds of partner on 2015-01-01)");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(new Regex(@"^\d+%"));
        // The server's note on the projects without a value names them as the page does.
        await Expect(page.Locator("#conditions-analysis .notice", new PageLocatorOptions { HasText = "KINDS: " })).ToContainTextAsync("Hackney Local Vision project");
        await Expect(page.Locator("#conditions-analysis")).Not.ToContainTextAsync("initiatives/");
        Assert.Contains(analyses, a => a.TryGetProperty("derivedConditions", out var d) && d[0].GetProperty("name").GetString() == "KINDS");

        var chosen = page.Locator(".condition-picker input:checked");
        while (await chosen.CountAsync() > 0)
        {
            await chosen.First.UncheckAsync();
        }
        await page.Locator(".condition-picker input[value='KINDS']").CheckAsync();
        var sent = await page.RunAndWaitForRequestAsync(() => page.Locator("#minimize").ClickAsync(), "**/v1/truthTables:minimize");
        await Expect(page.Locator("#solution p.muted").First).ToContainTextAsync("projects recorded every chosen circumstance");

        using var body = JsonDocument.Parse(sent.PostData ?? "{}");
        var request = body.RootElement;
        Assert.Equal(["KINDS"], request.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        var derived = Assert.Single(request.GetProperty("derivedConditions").EnumerateArray());
        Assert.Equal("NETWORK_MEASURE_KIND_PARTNER_KIND_COUNT", derived.GetProperty("network").GetProperty("kind").GetString());
        Assert.Equal([1.0, 2.0, 4.0], derived.GetProperty("calibration").GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble()));

        // Robustness re-runs the same minimisation: the derived condition goes with it.
        var robustness = await page.RunAndWaitForRequestAsync(() => page.Locator("#robustness-toggle").CheckAsync(), "**/v1/truthTables:testRobustness");
        using var robustnessBody = JsonDocument.Parse(robustness.PostData ?? "{}");
        Assert.Equal("KINDS", robustnessBody.RootElement.GetProperty("minimization").GetProperty("derivedConditions")[0].GetProperty("name").GetString());

        await page.Locator("#derived-list li[data-derived='KINDS'] .remove-derived").ClickAsync();
        await Expect(page.Locator(".condition-picker input[value='KINDS']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#conditions-table tr[data-condition='KINDS']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Predictors_AnchorsOutOfOrder_ShowTheServersRefusalAndAddNothing()
    {
        var page = await browser.NewPageAsync();
        await OpenPredictorsAsync(page);

        await FillAsync(page, "KINDS", "1", "4", "2");
        await page.Locator("#derived-add").ClickAsync();

        var problem = page.Locator("#derived-preview .problem");
        await Expect(problem).ToContainTextAsync("strictly increasing");
        await Expect(problem).ToContainTextAsync("HTTP 400");
        await Expect(page.Locator("#derived-list li")).ToHaveCountAsync(0);
        await Expect(page.Locator(".condition-picker input[value='KINDS']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Predictors_ProjectFunding_PreviewShowsCalibratesRawValueBesideTheMembership()
    {
        var page = await browser.NewPageAsync();
        var calibrations = Captured(page, "/v1/sets:calibrate");
        await OpenPredictorsAsync(page);

        await FillPropertyAsync(page, "funding");
        await page.Locator("#derived-preview-button").ClickAsync();

        var plymouth = page.Locator("#derived-preview-table tbody tr[data-case='initiatives/plymouth-local-vision']");
        await Expect(plymouth.Locator("td").First).ToHaveTextAsync("Plymouth Local Vision project");
        await Expect(plymouth.Locator("td").Nth(1)).ToHaveTextAsync("27000");
        // 27000 lies just above the crossover, 25000: more in than out.
        await Expect(plymouth.Locator("td").Nth(2)).ToHaveTextAsync(new Regex(@"^0\.[5-9]\d$"));
        var calibration = Assert.Single(calibrations);
        Assert.Equal("Initiative", calibration.GetProperty("label").GetString());
        Assert.Equal("funding", calibration.GetProperty("property").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Predictors_MisspeltProperty_ShowsCalibratesRefusal()
    {
        var page = await browser.NewPageAsync();
        await OpenPredictorsAsync(page);

        await FillPropertyAsync(page, "fundng");
        await page.Locator("#derived-preview-button").ClickAsync();

        await Expect(page.Locator("#derived-preview .problem")).ToContainTextAsync("no value to calibrate");
        // The analysis names the projects without a number for it.
        await Expect(page.Locator("#derived-preview .notice", new PageLocatorOptions { HasText = "no number for `fundng`" })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    /// <summary>The Predictors page once its first conditions analysis has drawn.</summary>
    private async Task OpenPredictorsAsync(IPage page)
    {
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");
        await Expect(page.Locator("#conditions-table")).ToBeVisibleAsync();
    }

    private static async Task FillPropertyAsync(IPage page, string property)
    {
        await page.Locator("#measured-circumstances summary").ClickAsync();
        await page.Locator("#derived-source").SelectOptionAsync("PROPERTY_HOLDER_INITIATIVE");
        await page.Locator("#derived-property").FillAsync(property);
        await page.Locator("#derived-exclusion").FillAsync("10000");
        await page.Locator("#derived-crossover").FillAsync("25000");
        await page.Locator("#derived-inclusion").FillAsync("40000");
        await page.Locator("#derived-name").FillAsync("FUNDED");
    }

    private static async Task FillAsync(IPage page, string name, string exclusion, string crossover, string inclusion)
    {
        await page.Locator("#measured-circumstances summary").ClickAsync();
        await page.Locator("#derived-source").SelectOptionAsync("NETWORK_MEASURE_KIND_PARTNER_KIND_COUNT");
        // The sample data's partnerships are dated; on the analysis date (today) none is valid.
        await page.Locator("#derived-date").FillAsync("2015-01-01");
        await page.Locator("#derived-method").SelectOptionAsync("CALIBRATION_METHOD_DIRECT");
        await page.Locator("#derived-exclusion").FillAsync(exclusion);
        await page.Locator("#derived-crossover").FillAsync(crossover);
        await page.Locator("#derived-inclusion").FillAsync(inclusion);
        await page.Locator("#derived-name").FillAsync(name);
    }

    /// <summary>The bodies of the page's requests to a path, in the order they were sent.</summary>
    private static List<JsonElement> Captured(IPage page, string path)
    {
        var bodies = new List<JsonElement>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith(path, StringComparison.Ordinal))
            {
                bodies.Add(JsonDocument.Parse(request.PostData ?? "{}").RootElement.Clone());
            }
        };
        return bodies;
    }
}
