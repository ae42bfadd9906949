using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.V1;
using Microsoft.Data.Sqlite;
using Path = System.IO.Path;

namespace LocalVision.EndToEnd.Tests.Durability;

/// <summary>
/// <c>kill -9</c> in the middle of a large ImportGraph, three times over on one store: after each restart every
/// batch is whole or absent (nodes and relationships come in whole batches), every relationship's ends exist, and
/// SQLite's integrity check passes. And the import's audit entry, written before anything of it was, survives the
/// kill, reading UNFINISHED: a write is never applied without its entry.
/// </summary>
public sealed class KillDuringImportTests : IDisposable
{
    private const int BatchSize = 200;
    private const int MaxBatches = 2000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StorePath => Path.Combine(_folder, "graph.db");

    /// <summary>
    /// One batch: <see cref="BatchSize"/> partners in a chain, the first tied to the previous batch's first partner,
    /// so a batch after a lost one would be refused, and a half-written batch shows as a count off the grid.
    /// </summary>
    private static ImportGraphRequest Batch(int round, int batch)
    {
        var request = new ImportGraphRequest();
        for (var i = 0; i < BatchSize; i++)
        {
            request.Nodes.Add(new Node
            {
                Name = PartnerName(round, batch, i),
                Label = "Partner",
                DisplayName = $"Partner {round}.{batch}.{i}",
                Properties = new Struct { Fields = { ["name"] = Value.ForString($"Partner {round}.{batch}.{i} " + new string('x', 200)), ["kind"] = Value.ForString("VOLUNTARY") } },
            });
        }
        for (var i = 1; i < BatchSize; i++)
        {
            request.Relationships.Add(new Relationship { Type = "COLLABORATES_WITH", Start = PartnerName(round, batch, i - 1), End = PartnerName(round, batch, i) });
        }
        request.Relationships.Add(new Relationship
        {
            Type = "COLLABORATES_WITH",
            Start = batch == 0 ? PartnerName(round, 0, BatchSize - 1) : PartnerName(round, batch - 1, 0),
            End = PartnerName(round, batch, 0),
        });
        return request;
    }

    private static string PartnerName(int round, int batch, int i) => $"partners/r{round}-b{batch:D4}-n{i:D3}";

    private const string CommittedBeforeTheKill = "partners/committed-before-the-kill";

    [Fact]
    public async Task ImportGraph_KilledMidStreamThreeTimes_LeavesOnlyWholeBatchesAndAnIntactStore()
    {
        for (var round = 1; round <= 3; round++)
        {
            var (written, committedBeforeKill) = await ImportAndKillAsync(round);

            await using (var restarted = await ServerProcess.StartAsync(StorePath))
            {
                var graph = new GraphService.GraphServiceClient(restarted.Channel);
                var partners = await graph.ListNodesAsync(new ListNodesRequest { Label = "Partner", PageSize = 1 }, cancellationToken: Ct);
                Assert.Equal(0, partners.TotalSize % BatchSize);
            }

            var (nodes, relationships) = CountRound(round);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"round {round}: {written} batches sent, {committedBeforeKill / BatchSize} seen committed before the kill, {nodes / BatchSize} whole batches after restart");
            Assert.True(nodes % BatchSize == 0, $"round {round}: {nodes} nodes is not a whole number of {BatchSize}-node batches");
            Assert.Equal(nodes, relationships);
            Assert.InRange(nodes / BatchSize, committedBeforeKill / BatchSize, written);
            Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
            Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM pragma_foreign_key_check"));
            Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM relationships r LEFT JOIN nodes s ON s.id = r.start_id LEFT JOIN nodes e ON e.id = r.end_id WHERE s.id IS NULL OR e.id IS NULL"));
        }
    }

    /// <summary>Streams batches until the server has committed a few, then kills it while the stream is still open.</summary>
    private async Task<(int Written, long CommittedBeforeKill)> ImportAndKillAsync(int round)
    {
        await using var server = await ServerProcess.StartAsync(StorePath);
        var graph = new GraphService.GraphServiceClient(server.Channel);
        var baseline = (await graph.ListNodesAsync(new ListNodesRequest { Label = "Partner", PageSize = 1 }, cancellationToken: Ct)).TotalSize;
        using var import = graph.ImportGraph(cancellationToken: Ct);
        var written = 0;
        long committed = 0;
        try
        {
            for (; written < MaxBatches; written++)
            {
                await import.RequestStream.WriteAsync(Batch(round, written), Ct);
                if (written % 5 == 4)
                {
                    committed = (await graph.ListNodesAsync(new ListNodesRequest { Label = "Partner", PageSize = 1 }, cancellationToken: Ct)).TotalSize - baseline;
                    if (committed >= (2 + round) * BatchSize)
                    {
                        server.Kill();
                        break;
                    }
                }
            }
        }
        catch (RpcException)
        {
            // The server died under the stream; that is the point.
        }
        Assert.True(server.HasExited, $"round {round}: the import finished {written} batches before enough were committed to kill it mid-stream");
        return (written + 1, committed);
    }

    [Fact]
    public async Task ImportGraph_KilledAfterACommit_LeavesItsEntryUnfinished()
    {
        await using (var server = await ServerProcess.StartAsync(StorePath))
        {
            var graph = new GraphService.GraphServiceClient(server.Channel);
            using var import = graph.ImportGraph(cancellationToken: Ct);
            await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { WireNodes.Partner("committed-before-the-kill") } }, Ct);
            await UntilCommittedAsync(graph);
            server.Kill();
        }

        await using var restarted = await ServerProcess.StartAsync(StorePath);
        var entries = (await new AccessService.AccessServiceClient(restarted.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest(), cancellationToken: Ct)).Entries;
        var node = await new GraphService.GraphServiceClient(restarted.Channel).GetNodeAsync(new GetNodeRequest { Name = CommittedBeforeTheKill }, cancellationToken: Ct);

        var entry = Assert.Single(entries);
        Assert.Equal("/localvision.v1.GraphService/ImportGraph", entry.Method);
        Assert.Equal("UNFINISHED", entry.Outcome);
        Assert.Equal(CommittedBeforeTheKill, node.Name);
    }

    /// <summary>Waits, a bounded number of times, until the server has committed the import's first message.</summary>
    private static async Task UntilCommittedAsync(GraphService.GraphServiceClient graph)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                await graph.GetNodeAsync(new GetNodeRequest { Name = CommittedBeforeTheKill }, cancellationToken: Ct);
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                await Task.Delay(50, Ct);
            }
        }
        Assert.Fail("the import's first message was never committed");
    }

    private (long Nodes, long Relationships) CountRound(int round)
    {
        var prefix = $"partners/r{round}-%";
        var nodes = (long)Scalar("SELECT COUNT(*) FROM nodes WHERE name LIKE @p", prefix)!;
        var relationships = (long)Scalar("SELECT COUNT(*) FROM relationships r JOIN nodes e ON e.id = r.end_id WHERE e.name LIKE @p", prefix)!;
        return (nodes, relationships);
    }

    private object? Scalar(string sql, string? prefix = null)
    {
        using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (prefix is not null)
        {
            command.Parameters.AddWithValue("@p", prefix);
        }
        return command.ExecuteScalar();
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
