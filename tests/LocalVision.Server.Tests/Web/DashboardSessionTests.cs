using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.Testing.Certificates;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Web;

/// <summary>
/// Signing in to the dashboard over the JSON API, as a browser does: a key exchanged for a session cookie, which then
/// stands in for the key on every JSON route (with the CSRF token on writes), until sign-out, expiry or revocation.
/// </summary>
public sealed class DashboardSessionTests(KeyedServer fixture) : IClassFixture<KeyedServer>
{
    private static IReadOnlyDictionary<string, Roles> Keys => KeyedServer.Keys;

    private readonly RunningServer _server = fixture.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_ValidKey_SetsAnHttpOnlyStrictCookieThatExpiresAndSaysWhoAndWhichRoles()
    {
        using var browser = new Browser(_server.WebAddress);

        using var response = await browser.SignInAsync(_server.Keys["evaluator"]);
        var who = browser.Answer;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("lv_session=lvs_", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_server.Keys["evaluator"], cookie);
        Assert.Equal("evaluator", who.GetProperty("name").GetString());
        Assert.Equal("session", who.GetProperty("authentication").GetString());
        Assert.Equal(["reader", "evaluator"], who.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var expires = who.GetProperty("expireTime").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(7), TimeSpan.FromHours(8.1));
        Assert.NotEmpty(who.GetProperty("csrfToken").GetString()!);
    }

    [Fact]
    public async Task GetSession_SignedIn_AnswersTheSameWhoAndCsrfToken()
    {
        using var browser = new Browser(_server.WebAddress);
        await browser.SignInAsync(_server.Keys["steering group"]);

        var who = await browser.GetJsonAsync("/v1/session");

        Assert.Equal("steering group", who.GetProperty("name").GetString());
        Assert.Equal(["reader"], who.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(browser.CsrfToken, who.GetProperty("csrfToken").GetString());
    }

    [Theory]
    [InlineData("lvk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not a key")]
    public async Task SignIn_WrongKey_Is401WithTheReasonAndSetsNoCookie(string apiKey)
    {
        using var browser = new Browser(_server.WebAddress);

        using var response = await browser.SignInAsync(apiKey);
        var status = browser.Answer;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(16, status.GetProperty("code").GetInt32());
        Assert.Contains("not valid", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task SignIn_FormEncoded_IsRefusedSoNoOtherSiteCanSignABrowserIn()
    {
        using var http = new HttpClient { BaseAddress = _server.WebAddress };

        using var response = await http.PostAsync("/v1/session", new FormUrlEncodedContent([new("apiKey", _server.Keys["ops"])]), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"apiKey\": 42}")]
    [InlineData("[\"lvk_\"]")]
    [InlineData("not json")]
    public async Task SignIn_BodyWithoutAKey_Is400NamingTheField(string body)
    {
        using var http = new HttpClient { BaseAddress = _server.WebAddress };

        using var response = await http.PostAsync("/v1/session", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("apiKey", status.GetProperty("details")[0].GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task JsonRoutes_WithoutKeyOrSession_Are401SayingHowToSignIn()
    {
        using var browser = new Browser(_server.WebAddress);

        using var node = await browser.SendAsync(HttpMethod.Get, "/v1/localities/plymouth");
        using var who = await browser.SendAsync(HttpMethod.Get, "/v1/session");
        var status = await node.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, node.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, who.StatusCode);
        Assert.Contains("sign in", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task JsonRoutes_WithASession_ReadAsTheSessionsKey()
    {
        using var browser = new Browser(_server.WebAddress);
        await browser.SignInAsync(_server.Keys["steering group"]);

        var plymouth = await browser.GetJsonAsync("/v1/localities/plymouth");
        var evidence = await browser.GetJsonAsync("/v1/evidence/bdp-interview-honest-conversations");

        Assert.Equal("UNITARY", plymouth.GetProperty("properties").GetProperty("laType").GetString());
        Assert.Equal("[confidential]", evidence.GetProperty("properties").GetProperty("respondentRole").GetString());
    }

    [Fact]
    public async Task Write_ThroughASessionWithoutTheCsrfToken_Is403AndWritesNothing()
    {
        using var browser = new Browser(_server.WebAddress);
        await browser.SignInAsync(_server.Keys["evaluator"]);

        using var response = await browser.SendAsync(HttpMethod.Post, "/v1/nodes:upsert", Partner("no-token"), csrf: false);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(SessionCookie.CsrfHeader, status.GetProperty("message").GetString());
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => new GraphService.GraphServiceClient(_server.As("ops"))
            .GetNodeAsync(new GetNodeRequest { Name = "partners/no-token" }, cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task Write_ThroughAnEvaluatorsSessionWithTheCsrfToken_IsWrittenAndAuditedAsTheKey()
    {
        using var browser = new Browser(_server.WebAddress);
        await browser.SignInAsync(_server.Keys["evaluator"]);

        using var response = await browser.SendAsync(HttpMethod.Post, "/v1/nodes:upsert", Partner("with-token"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = await new AccessService.AccessServiceClient(_server.As("ops")).ListAuditEntriesAsync(new ListAuditEntriesRequest(), cancellationToken: Ct);
        var write = audit.Entries.First(e => e.Method.EndsWith("/UpsertNodes", StringComparison.Ordinal));
        Assert.Equal(("evaluator", "OK", "partners/with-token"), (write.Caller, write.Outcome, write.Resources.Single()));
        Assert.Contains(audit.Entries, e => e.Method == "POST /v1/session" && e.Caller == "evaluator");
    }

    [Fact]
    public async Task Write_ThroughAReadersSession_IsPermissionDenied()
    {
        using var browser = new Browser(_server.WebAddress);
        await browser.SignInAsync(_server.Keys["steering group"]);

        using var response = await browser.SendAsync(HttpMethod.Post, "/v1/nodes:upsert", Partner("by-a-reader"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("evaluator", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task SignOut_EndsTheSessionAndClearsTheCookie()
    {
        using var browser = new Browser(_server.WebAddress);
        await browser.SignInAsync(_server.Keys["steering group"]);
        var cookie = browser.Cookie;

        using var signedOut = await browser.SendAsync(HttpMethod.Delete, "/v1/session");
        using var afterwards = await new Browser(_server.WebAddress) { Cookie = cookie }.SendAsync(HttpMethod.Get, "/v1/localities/plymouth");
        var status = await afterwards.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Contains("lv_session=;", Assert.Single(signedOut.Headers.GetValues("Set-Cookie")));
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.Equal("SESSION_ENDED", status.GetProperty("details")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task SignOut_WithoutTheCsrfToken_IsRefusedAndTheSessionLives()
    {
        using var browser = new Browser(_server.WebAddress);
        await browser.SignInAsync(_server.Keys["steering group"]);

        using var refused = await browser.SendAsync(HttpMethod.Delete, "/v1/session", csrf: false);
        using var still = await browser.SendAsync(HttpMethod.Get, "/v1/localities/plymouth");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task RevokeApiKey_EndsEverySessionOpenedWithIt()
    {
        using var browser = new Browser(_server.WebAddress);
        await browser.SignInAsync(_server.Keys["leaver"]);
        using var before = await browser.SendAsync(HttpMethod.Get, "/v1/localities/plymouth");
        var access = new AccessService.AccessServiceClient(_server.As("ops"));
        var leaver = (await access.ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: Ct)).Keys.Single(k => k.DisplayName == "leaver");

        await access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = leaver.Name }, cancellationToken: Ct);
        using var after = await browser.SendAsync(HttpMethod.Get, "/v1/localities/plymouth");
        using var who = await browser.SendAsync(HttpMethod.Get, "/v1/session");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, who.StatusCode);
    }

    [Fact]
    public async Task GrpcCall_CarryingASessionCookie_IsNotAdmittedByIt()
    {
        using var browser = new Browser(_server.WebAddress);
        await browser.SignInAsync(_server.Keys["ops"]);

        var graph = new GraphService.GraphServiceClient(_server.WithHeaders(("cookie", browser.Cookie!)));

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => graph.GetNodeAsync(new GetNodeRequest { Name = "localities/plymouth" }, cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task GetSession_WithAKeyHeader_SaysWhoTheKeyIs()
    {
        using var http = new HttpClient { BaseAddress = _server.WebAddress };
        http.DefaultRequestHeaders.Add(KeyAuthenticator.ApiKeyHeader, _server.Keys["ops"]);

        var who = await http.GetFromJsonAsync<JsonElement>("/v1/session", Ct);

        Assert.Equal(("ops", "apiKey"), (who.GetProperty("name").GetString(), who.GetProperty("authentication").GetString()));
        Assert.Contains("admin", who.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task SignIn_WebPortOverTls_SetsASecureHostOnlyCookie()
    {
        var folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));
        using var certificate = SelfSignedCertificate.Create();
        var (pfx, _, _) = SelfSignedCertificate.Write(certificate, folder);
        await using var server = await RunningServer.StartAsync(seed: false, Keys,
            new global::Grpc.Net.Client.GrpcChannelOptions { HttpHandler = SelfSignedCertificate.TrustingOnly(certificate) }, [$"--LocalVision:Tls:CertificatePath={pfx}"]);
        var trusting = SelfSignedCertificate.TrustingOnly(certificate);
        trusting.UseCookies = false;
        using var browser = new Browser(server.WebAddress, trusting);

        using var response = await browser.SignInAsync(server.Keys["ops"]);
        using var listed = await browser.SendAsync(HttpMethod.Get, "/v1/nodes?label=Locality");

        Assert.Equal("https", server.WebAddress.Scheme);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-lv_session=", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Directory.Delete(folder, recursive: true);
    }

    private static object Partner(string slug) => new
    {
        nodes = new[] { new { name = $"partners/{slug}", label = "Partner", properties = new { name = slug, kind = "VOLUNTARY" } } },
    };

    /// <summary>What a browser keeps between calls: the session cookie and the CSRF token the sign-in answered with.</summary>
    private sealed class Browser(Uri address, HttpMessageHandler? handler = null) : IDisposable
    {
        private readonly HttpClient _http = new(handler ?? new HttpClientHandler { UseCookies = false }) { BaseAddress = address };

        private string? _cookie;

        /// <summary>The cookie as the browser sends it back, <c>lv_session=...</c>.</summary>
        public string? Cookie
        {
            get => _cookie;
            init => _cookie = value;
        }

        public string? CsrfToken { get; private set; }

        /// <summary>The JSON the last sign-in answered with.</summary>
        public JsonElement Answer { get; private set; }

        public async Task<HttpResponseMessage> SignInAsync(string apiKey)
        {
            var response = await _http.PostAsync("/v1/session", JsonContent.Create(new { apiKey }), Ct);
            Answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            if (response.IsSuccessStatusCode)
            {
                _cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
                CsrfToken = Answer.GetProperty("csrfToken").GetString();
            }
            return response;
        }

        public async Task<JsonElement> GetJsonAsync(string path)
        {
            using var response = await SendAsync(HttpMethod.Get, path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool csrf = true)
        {
            var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (_cookie is { } cookie)
            {
                request.Headers.Add("Cookie", cookie);
            }
            if (csrf && CsrfToken is not null)
            {
                request.Headers.Add(SessionCookie.CsrfHeader, CsrfToken);
            }
            return _http.SendAsync(request, Ct);
        }

        public void Dispose() => _http.Dispose();
    }
}
