using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using static LocalVision.Testing.Hosting.WireNodes;

namespace LocalVision.Server.Tests.Graph;

/// <summary>Writes that meet stored names, through GraphService: on_conflict, dry runs and what the answers count.</summary>
public sealed class ConflictingWritesTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private GraphService.GraphServiceClient Graph => _server.Graph;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await RunningServer.StartAsync(seed: false);
        await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner("kernow", "CCG") } }, cancellationToken: Ct);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task UpsertNodes_Fail_IsAFailedPreconditionNamingTheStoredNode()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Graph.UpsertNodesAsync(new UpsertNodesRequest
        {
            Nodes = { Partner("new"), Partner("kernow", "NHS_PROVIDER") },
            OnConflict = OnConflict.Fail,
        }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal(("NODE_EXISTS", "nodes[1].name"), (violation.Type, violation.Subject));
        Assert.Contains("`partners/kernow` already exists", error.Status.Detail);
        await Assert.ThrowsAsync<RpcException>(() => Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/new" }, cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task UpsertNodes_Unspecified_ReplacesAsBeforeAndCounts()
    {
        var response = await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner("kernow", "NHS_PROVIDER"), Partner("new") } }, cancellationToken: Ct);

        Assert.Equal(new NodeWriteCounts { Created = 1, Replaced = 1 }, response.Counts);
        Assert.Equal("NHS_PROVIDER", (await Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/kernow" }, cancellationToken: Ct)).Properties.Fields["kind"].StringValue);
    }

    [Fact]
    public async Task UpsertNodes_MergeDryRun_AnswersTheMergedNodeAndWritesNothing()
    {
        var partial = new Node
        {
            Name = "partners/kernow",
            Label = "Partner",
            Properties = new Struct { Fields = { ["note"] = Value.ForString("Merged into Cornwall ICB.") } },
        };

        var response = await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { partial }, OnConflict = OnConflict.Merge, DryRun = true }, cancellationToken: Ct);
        var stored = await Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/kernow" }, cancellationToken: Ct);

        Assert.Equal(new NodeWriteCounts { Merged = 1 }, response.Counts);
        var merged = Assert.Single(response.Nodes);
        Assert.Equal("CCG", merged.Properties.Fields["kind"].StringValue);
        Assert.Equal("Merged into Cornwall ICB.", merged.Properties.Fields["note"].StringValue);
        Assert.False(stored.Properties.Fields.ContainsKey("note"));
    }

    [Fact]
    public async Task ImportGraph_DryRunInTwoMessages_CountsAcrossThemAndWritesNothing()
    {
        using var import = Graph.ImportGraph(cancellationToken: Ct);
        await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { Partner("a"), Initiative("lv") }, OnConflict = OnConflict.Fail, DryRun = true }, Ct);
        // The second message's relationship ends at nodes only the first (unwritten) message holds.
        await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { Partner("kernow", "CCG") }, Relationships = { PartnerIn("a", "lv") } }, Ct);
        await import.RequestStream.CompleteAsync();
        var response = await import;

        Assert.True(response.DryRun);
        Assert.Equal(new NodeWriteCounts { Created = 2, Unchanged = 1 }, response.Counts);
        Assert.Equal((2, 1, 2), (response.NodesWritten, response.RelationshipsWritten, response.Batches));
        var listed = await Graph.ListNodesAsync(new ListNodesRequest(), cancellationToken: Ct);
        Assert.Equal(["partners/kernow"], listed.Nodes.Select(n => n.Name));
    }

    [Fact]
    public async Task ImportGraph_ALaterMessageWithAnotherPolicy_IsRefused()
    {
        using var import = Graph.ImportGraph(cancellationToken: Ct);
        await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { Partner("a") }, OnConflict = OnConflict.Fail }, Ct);
        await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { Partner("kernow", "NHS_PROVIDER") }, OnConflict = OnConflict.Replace }, Ct);
        await import.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => import.ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "on_conflict");
    }
}
