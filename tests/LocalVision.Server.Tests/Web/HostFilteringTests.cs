using System.Net;
using LocalVision.Server.Tests.Hosting;

namespace LocalVision.Server.Tests.Web;

/// <summary>
/// The web port answers only to its own host names, so a page whose name was re-pointed at 127.0.0.1 (DNS
/// rebinding) gets HTTP 400 instead of the JSON API, which in open mode would have handed it confidential summaries.
/// </summary>
public sealed class HostFilteringTests(SeededServerFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> GetAsync(Uri server, string path, string host)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await http.SendAsync(request, Ct);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:8080")]
    [InlineData("127.0.0.1.attacker.example")]
    [InlineData("localhost.")]
    public async Task JsonApi_ForeignHostHeader_IsBadRequestWithoutData(string host)
    {
        using var response = await GetAsync(fixture.Server.WebAddress, "/v1/evidence/plymouth-interview-transformative", host);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("summary", body);
        Assert.Contains("AllowedHosts", body);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("LOCALHOST")]
    [InlineData("[::1]")]
    public async Task JsonApi_LoopbackHostHeader_IsServedWithSecurityHeaders(string host)
    {
        using var response = await GetAsync(fixture.Server.WebAddress, "/v1/localities/plymouth", $"{host}:{fixture.Server.WebAddress.Port}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task JsonApi_ConfiguredHostName_IsServed()
    {
        await using var server = await RunningServer.StartAsync(seed: false, "--LocalVision:Web:AllowedHosts:0=dashboard.example.org");

        using var allowed = await GetAsync(server.WebAddress, "/v1/nodes", "dashboard.example.org");
        using var refused = await GetAsync(server.WebAddress, "/v1/nodes", "other.example.org");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
