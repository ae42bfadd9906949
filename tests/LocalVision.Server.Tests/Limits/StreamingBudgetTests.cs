using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using LocalVision.Server.Grpc;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Limits;

/// <summary>
/// A streaming expensive call has the server's time budget for each message it sends: an export that keeps sending
/// runs past the budget to its end, and one that stalls longer than the budget (here, on a client that stops reading)
/// ends RESOURCE_EXHAUSTED with the budget's ErrorInfo, as a unary call does. Before, the budget covered the whole
/// stream (so a 177k-node export could not finish in 30 s), and its end read CANCELLED "Call cancelled".
/// </summary>
public sealed class StreamingBudgetTests
{
    private const double BudgetSeconds = 1.5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>4,000 partners of about 1 KB each: far more than the HTTP/2 buffers between server and client hold.</summary>
    private static async Task<RunningServer> StartWithPartnersAsync()
    {
        var server = await RunningServer.StartAsync(seed: false, $"--{ExpensiveCallBudget.Setting}={BudgetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        for (var batch = 0; batch < 4; batch++)
        {
            var request = new UpsertNodesRequest();
            for (var i = 0; i < 1000; i++)
            {
                var node = WireNodes.Partner($"p{batch}-{i}");
                node.Properties.Fields["notes"] = Value.ForString(new string('n', 1000));
                request.Nodes.Add(node);
            }
            await server.Graph.UpsertNodesAsync(request, cancellationToken: Ct);
        }
        return server;
    }

    [Fact]
    public async Task ExportGraph_ReadSlowlyForLongerThanTheBudget_RunsToItsEnd()
    {
        await using var server = await StartWithPartnersAsync();
        using var call = server.Graph.ExportGraph(new ExportGraphRequest { BatchSize = 400 }, cancellationToken: Ct);

        var nodes = 0;
        var started = DateTime.UtcNow;
        while (await call.ResponseStream.MoveNext(Ct))
        {
            nodes += call.ResponseStream.Current.Nodes.Count;
            // Well within the budget per message; ten messages take far longer than the budget in all.
            await Task.Delay(TimeSpan.FromSeconds(BudgetSeconds / 5), Ct);
        }

        Assert.Equal(4000, nodes);
        Assert.True(DateTime.UtcNow - started > TimeSpan.FromSeconds(BudgetSeconds), "the export ended within one budget, so it tested nothing");
    }

    [Fact]
    public async Task ExportGraph_ClientStopsReadingPastTheBudget_EndsResourceExhaustedWithTheReason()
    {
        await using var server = await StartWithPartnersAsync();
        using var call = server.Graph.ExportGraph(new ExportGraphRequest { BatchSize = 100 }, cancellationToken: Ct);
        Assert.True(await call.ResponseStream.MoveNext(Ct));

        await Task.Delay(TimeSpan.FromSeconds(BudgetSeconds * 3), Ct);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(Ct))
            {
            }
        });

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(ExpensiveCallBudget.Reason, error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }
}
