using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using LocalVision.Server.Access;
using LocalVision.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>
/// The dashboard of a service that needs keys, in a real browser: signing in, every page, signing out, a revoked key,
/// what a reader and an evaluator see and may do, and the whole of it on a non-loopback address.
/// </summary>
public sealed class SignInTests(KeyedServer fixture, DashboardBrowser browser) : IClassFixture<KeyedServer>
{
    /// <summary>Every page with a part that must have drawn, and the route to it.</summary>
    private static readonly (string Route, string Drawn)[] Pages =
    [
        ("#/network?locality=localities/plymouth", "#network-summary"),
        ("#/initiatives?name=initiatives/plymouth-local-vision", "[data-kind=outcome] details.observation"),
        ("#/predictors", "#conditions-table tbody tr"),
        ("#/cohort", "#cohort-selected .candidate"),
    ];

    /// <summary>JSON routes of each service, which must all refuse a browser that has not signed in.</summary>
    private static readonly (string Method, string Path, string? Body)[] JsonRoutes =
    [
        ("GET", "/v1/localities/plymouth", null),
        ("GET", "/v1/nodes?label=Evidence", null),
        ("GET", "/v1/initiatives/plymouth-local-vision/evaluation", null),
        ("POST", "/v1/conditions:analyze", """{"outcome":"MOMENTUM"}"""),
        ("GET", "/v1/paths?from=partners/hackney-council&to=partners/merton-council", null),
        ("POST", "/v1/nodes:upsert", """{"nodes":[{"name":"partners/intruder","label":"Partner","properties":{"name":"x","kind":"OTHER"}}]}"""),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_ThenEveryPage_ThenSignOut_EndsWhereItBegan()
    {
        var page = await browser.NewPageAsync();

        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/network");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await Expect(page.Locator("nav")).ToBeHiddenAsync();
        await DashboardBrowser.ScreenshotAsync(page, "sign-in");
        await SignInAsync(page, fixture.Server, "evidence reader");

        await Expect(page.Locator("#who-name")).ToHaveTextAsync("evidence reader");
        await Expect(page.Locator("#who-roles")).ToContainTextAsync("evidence-reader");
        await Expect(page.Locator(".redacted-note")).ToHaveCountAsync(0);
        await VisitEveryPageAsync(page, fixture.Server, "signed-in");
        await page.Locator("#sign-out").ClickAsync();

        await Expect(page.Locator("#sign-in-reason")).ToHaveTextAsync("You have signed out.");
        var statuses = await StatusesAsync(page);
        Assert.Equal([401, 401, 401, 401, 401, 401], statuses);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WrongKey_SaysSoAndStaysOnTheSignInPage()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "");

        await page.Locator("#api-key").FillAsync("lvk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        await page.Locator("#sign-in-submit").ClickAsync();

        await Expect(page.Locator("#sign-in-problem")).ToContainTextAsync("That key was not accepted");
        await Expect(page.Locator("nav")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RevokeApiKey_WhileSignedIn_EndsTheSessionAtTheNextCall()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/predictors");
        await SignInAsync(page, fixture.Server, "leaver");
        await Expect(page.Locator("#conditions-table tbody tr").First).ToBeVisibleAsync();
        var access = new AccessService.AccessServiceClient(fixture.Server.As("ops"));
        var leaver = (await access.ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: Ct)).Keys.Single(k => k.DisplayName == "leaver");

        await access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = leaver.Name }, cancellationToken: Ct);
        await page.Locator("nav a[href='#/cohort']").ClickAsync();

        await Expect(page.Locator("#sign-in-reason")).ToContainTextAsync("Your session has ended");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#sign-in-reason")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reader_SeesConfidentialEvidenceRedactedAndAnEvidenceReaderSeesIt()
    {
        const string route = "#/initiatives?name=initiatives/bdp-local-vision";
        const string observation = "details.observation[data-name='observations/bdp-safe-space']";
        const string evidence = "[data-name='evidence/bdp-interview-honest-conversations'] .evidence-summary";
        var reader = await browser.NewPageAsync();
        var evidenceReader = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(reader, fixture.Server, route);
        await SignInAsync(reader, fixture.Server, "steering group");
        await DashboardBrowser.OpenAsync(evidenceReader, fixture.Server, route);
        await SignInAsync(evidenceReader, fixture.Server, "evidence reader");

        await reader.Locator(observation + " summary").ClickAsync();
        await evidenceReader.Locator(observation + " summary").ClickAsync();

        await Expect(reader.Locator(observation + " " + evidence)).ToHaveTextAsync("[confidential]");
        await Expect(reader.Locator(".redacted-note")).ToContainTextAsync("confidential evidence hidden");
        await Expect(evidenceReader.Locator(observation + " " + evidence)).ToContainTextAsync("got everyone into one room");
        await DashboardBrowser.ScreenshotAsync(reader, "initiatives-reader-redacted");
        await reader.Context.CloseAsync();
        await evidenceReader.Context.CloseAsync();
    }

    [Fact]
    public async Task Evaluator_MarksAnApplicantOnTheCohortPage_WhichIsSavedAndChosenAmong()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/cohort");
        await SignInAsync(page, fixture.Server, "evaluator");
        await Expect(page.Locator("#cohort-rehearsal")).ToBeVisibleAsync();

        await page.Locator("#applicant-list input[data-initiative='initiatives/wirral-local-vision']").CheckAsync();
        await page.Locator("#applicant-list input[data-initiative='initiatives/hackney-local-vision']").CheckAsync();

        await Expect(page.Locator("#applicants-status")).ToContainTextAsync("Hackney Local Vision project is now an applicant");
        await Expect(page.Locator("#cohort-rehearsal")).ToHaveCountAsync(0);
        await Expect(page.Locator("#cohort-selected .candidate, #cohort-excluded .candidate")).ToHaveCountAsync(2);
        var graph = new GraphService.GraphServiceClient(fixture.Server.As("ops"));
        var hackney = await graph.GetNodeAsync(new GetNodeRequest { Name = "initiatives/hackney-local-vision" }, cancellationToken: Ct);
        Assert.True(hackney.Properties.Fields["applicant"].BoolValue);
        Assert.Equal("LV_PROJECT", hackney.Properties.Fields["kind"].StringValue);
        var audit = await new AccessService.AccessServiceClient(fixture.Server.As("ops")).ListAuditEntriesAsync(new ListAuditEntriesRequest(), cancellationToken: Ct);
        Assert.Contains(audit.Entries, e => e.Caller == "evaluator" && e.Resources.Contains("initiatives/hackney-local-vision") && e.Outcome == "OK");
        await DashboardBrowser.ScreenshotAsync(page, "cohort-evaluator-applicants");

        // Put the sample back as it was for the other tests of this class.
        foreach (var name in new[] { "wirral", "hackney" })
        {
            await page.Locator($"#applicant-list input[data-initiative='initiatives/{name}-local-vision']").UncheckAsync();
            await Expect(page.Locator("#applicants-status")).ToContainTextAsync("is no longer an applicant");
        }
        await Expect(page.Locator("#cohort-rehearsal")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reader_OnTheCohortPage_SeesApplicantsButNoWayToMarkThem()
    {
        var page = await browser.NewPageAsync();
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/cohort");

        await SignInAsync(page, fixture.Server, "steering group");

        await Expect(page.Locator("#applicants-read-only")).ToContainTextAsync("needs a key with the evaluator role");
        await Expect(page.Locator("#applicant-list")).ToHaveCountAsync(0);
        await Expect(page.Locator("#cohort-selected .candidate").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The deployment the sign-in exists for: keys on and the service bound to an address other machines reach. Before
    /// signing in every route shows the sign-in page and every JSON route refuses; afterwards every page works.
    /// </summary>
    [Fact]
    public async Task NonLoopbackAddress_NothingWithoutSigningInAndEverythingAfter()
    {
        var address = NonLoopbackAddress();
        Assert.SkipWhen(address is null, "this machine has no non-loopback IPv4 address to bind the service to (the test needs one, e.g. eth0's, or a veth pair in a network namespace)");
        await using var server = await RunningServer.StartAsync(seed: true, KeyedServer.Keys, "--bind", address!.ToString());
        var page = await browser.NewPageAsync();
        Assert.Equal(address.ToString(), server.WebAddress.Host);

        foreach (var (route, _) in Pages)
        {
            await DashboardBrowser.OpenAsync(page, server, route);
            await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        }
        Assert.All(await StatusesAsync(page), status => Assert.Equal(401, status));
        await SignInAsync(page, server, "steering group");

        await VisitEveryPageAsync(page, server, "non-loopback");
        var signedIn = await StatusesAsync(page, withCsrf: true);
        Assert.Equal([200, 200, 200, 200, 200, 403], signedIn);
        await page.Context.CloseAsync();
    }

    /// <summary>Every page under a strict Content-Security-Policy (no inline script or style): none is refused anything.</summary>
    [Fact]
    public async Task EveryPage_UnderAStrictContentSecurityPolicy_BreaksNoRule()
    {
        const string policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        var page = await browser.NewPageAsync();
        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refusals.Add($"{page.Url}: {message.Text} ({message.Location})");
            }
        };
        await page.RouteAsync(new Uri(fixture.Server.WebAddress, "/**").ToString(), async route =>
        {
            if (route.Request.ResourceType != "document")
            {
                await route.ContinueAsync();
                return;
            }
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = policy };
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Headers = headers });
        });
        await DashboardBrowser.OpenAsync(page, fixture.Server, "#/network");
        await SignInAsync(page, fixture.Server, "ops");

        await VisitEveryPageAsync(page, fixture.Server, null);

        Assert.True(refusals.Count == 0, string.Join("\n", refusals));
        await page.Context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, RunningServer server, string keyName)
    {
        await page.Locator("#api-key").FillAsync(server.Keys[keyName]);
        await page.Locator("#sign-in-submit").ClickAsync();
        await Expect(page.Locator("#who-name")).ToHaveTextAsync(keyName);
        await Expect(page.Locator("#app")).ToHaveAttributeAsync("data-ready", "true");
    }

    private static async Task VisitEveryPageAsync(IPage page, RunningServer server, string? screenshots)
    {
        foreach (var (route, drawn) in Pages)
        {
            await DashboardBrowser.OpenAsync(page, server, route);
            await Expect(page.Locator(drawn).First).ToBeVisibleAsync();
            await Expect(page.Locator("#app .problem")).ToHaveCountAsync(0);
            await Expect(page.Locator("#sign-in")).ToHaveCountAsync(0);
            if (screenshots is not null)
            {
                await DashboardBrowser.ScreenshotAsync(page, $"{screenshots}-{route[2..].Split('?')[0]}");
            }
        }
    }

    /// <summary>The HTTP status of each of <see cref="JsonRoutes"/> fetched from the page, as its own scripts would.</summary>
    private static async Task<int[]> StatusesAsync(IPage page, bool withCsrf = false)
    {
        var statuses = new List<int>();
        foreach (var (method, path, body) in JsonRoutes)
        {
            statuses.Add(await page.EvaluateAsync<int>("""
                async ([method, path, body, withCsrf]) => {
                  const headers = { Accept: "application/json" };
                  if (body) headers["Content-Type"] = "application/json";
                  if (withCsrf) headers["X-CSRF-Token"] = (await (await fetch("/v1/session")).json()).csrfToken;
                  return (await fetch(path, { method, headers, body: body ?? undefined })).status;
                }
                """, new object?[] { method, path, body, withCsrf }));
        }
        return [.. statuses];
    }

    /// <summary>An IPv4 address of this machine that is not loopback or link-local, on an interface that is up.</summary>
    private static IPAddress? NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a) && !a.ToString().StartsWith("169.254.", StringComparison.Ordinal));
}
