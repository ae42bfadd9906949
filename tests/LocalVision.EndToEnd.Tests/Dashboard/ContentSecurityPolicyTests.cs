using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>Every page of the dashboard draws under the server's Content-Security-Policy, without one violation.</summary>
public sealed class ContentSecurityPolicyTests(SeededServerFixture fixture, DashboardBrowser browser)
{
    [Theory]
    [InlineData("#/network")]
    [InlineData("#/initiatives?name=initiatives/plymouth-local-vision")]
    [InlineData("#/predictors")]
    [InlineData("#/cohort")]
    public async Task Page_UnderThePolicy_DrawsWithoutAViolation(string route)
    {
        var page = await browser.NewPageAsync();
        // Init scripts come from the browser's driver, outside the page's policy.
        await page.AddInitScriptAsync("""
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
            """);

        var response = await page.GotoAsync(new Uri(fixture.Server.WebAddress, "/" + route).ToString());
        await Expect(page.Locator("#app")).ToHaveAttributeAsync("data-ready", "true");
        // Charts and the network draw after the page says it is ready; give them their moment.
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", policy);
        var violations = await page.EvaluateAsync<string[]>("window.cspViolations");
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }
}
