using System.Net;
using LocalVision.Server.Hosting;
using LocalVision.Server.Tests.Hosting;

namespace LocalVision.Server.Tests.Web;

/// <summary>The web endpoint's settings and what it serves without a dashboard build.</summary>
public sealed class WebEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Root_DashboardNotBuilt_SaysHowToBuildIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "localvision-tests", "no-dashboard-" + Guid.NewGuid().ToString("N"));
        await using var server = await RunningServer.StartAsync(seed: false, $"--LocalVision:Web:Root={missing}");
        using var http = new HttpClient { BaseAddress = server.WebAddress };

        using var response = await http.GetAsync("/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("npm run build", html);
        Assert.Contains(missing, html);
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("-1")]
    public void Build_WebPortOutOfRange_StopsWithTheReason(string port)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Program.Build(["--store", StorePath(), "--grpc-port", "0", "--web-port", port]));

        Assert.Contains("--web-port", error.Message);
    }

    [Fact]
    public void Build_WebPortSameAsGrpcPort_StopsWithTheReason()
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Program.Build(["--store", StorePath(), "--grpc-port", "50123", "--web-port", "50123"]));

        Assert.Contains("port of its own", error.Message);
    }

    private static string StorePath() => Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"), "graph.db");
}
