using Grpc.Core;
using LocalVision.Server.Tests.Graph;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Microsoft.Data.Sqlite;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Durability;

/// <summary>
/// <c>kill -9</c> while an ImportGraph is open, after one of its messages was committed: the restarted server still has
/// the import's audit entry — written before anything of the import was — and it reads UNFINISHED, beside the nodes
/// the import committed. A write is never applied without its entry.
/// </summary>
public sealed class KillDuringAuditedWriteTests : IDisposable
{
    private const string Committed = "partners/committed-before-the-kill";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StorePath => Path.Combine(_folder, "graph.db");

    [Fact]
    public async Task ImportGraph_KilledAfterACommit_LeavesItsEntryUnfinished()
    {
        await using (var server = await ServerProcess.StartAsync(StorePath))
        {
            var graph = new GraphService.GraphServiceClient(server.Channel);
            using var import = graph.ImportGraph(cancellationToken: Ct);
            await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { GraphWritesTests.Partner("committed-before-the-kill") } }, Ct);
            await UntilCommittedAsync(graph);
            server.Kill();
        }

        await using var restarted = await ServerProcess.StartAsync(StorePath);
        var entries = (await new AccessService.AccessServiceClient(restarted.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest(), cancellationToken: Ct)).Entries;
        var node = await new GraphService.GraphServiceClient(restarted.Channel).GetNodeAsync(new GetNodeRequest { Name = Committed }, cancellationToken: Ct);

        var entry = Assert.Single(entries);
        Assert.Equal("/localvision.v1.GraphService/ImportGraph", entry.Method);
        Assert.Equal("UNFINISHED", entry.Outcome);
        Assert.Equal(Committed, node.Name);
    }

    /// <summary>Waits, a bounded number of times, until the server has committed the import's first message.</summary>
    private static async Task UntilCommittedAsync(GraphService.GraphServiceClient graph)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                await graph.GetNodeAsync(new GetNodeRequest { Name = Committed }, cancellationToken: Ct);
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                await Task.Delay(50, Ct);
            }
        }
        Assert.Fail("the import's first message was never committed");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
