using Grpc.Core;
using LocalVision.Server.Hosting;
using LocalVision.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalVision.Server.Tests.Hosting;

/// <summary>Requests are logged at Debug, one by one, and summed up at Information once a minute.</summary>
public sealed class RequestLoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AtInformation_RequestsAreNotLoggedOneByOneButTheirSummaryIs()
    {
        await using var server = await RunningServer.StartAsync(seed: false, "--Logging:LogLevel:Default=Information");
        var loggers = server.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger(RequestLogging.Category).IsEnabled(LogLevel.Debug));
        Assert.True(loggers.CreateLogger(RequestLogging.Category).IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task TheSummary_CountsAnsweredAndFailedCallsOfTheMinute()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        var tally = server.Services.GetRequiredService<RequestTally>();
        tally.TakeSummary();

        await server.Graph.ListNodesAsync(new ListNodesRequest(), cancellationToken: Ct);
        await Assert.ThrowsAsync<RpcException>(() => server.Graph.GetNodeAsync(new GetNodeRequest { Name = "localities/atlantis" }, cancellationToken: Ct).ResponseAsync);
        var summary = tally.TakeSummary();

        Assert.NotNull(summary);
        Assert.StartsWith("in the last minute: 2 requests, 1 answered, 1 refused or failed; slowest ", summary);
        Assert.Null(tally.TakeSummary());
    }

    [Fact]
    public void TheSummary_OfOneRequest_SaysRequestInTheSingular()
    {
        var tally = new RequestTally();
        tally.Record(succeeded: true, TimeSpan.FromMilliseconds(12.4));

        Assert.Equal("in the last minute: 1 request, 1 answered, 0 refused or failed; slowest 12 ms", tally.TakeSummary());
    }
}
