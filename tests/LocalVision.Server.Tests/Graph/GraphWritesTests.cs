using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using static LocalVision.Testing.Hosting.WireNodes;

namespace LocalVision.Server.Tests.Graph;

/// <summary>Writing through GraphService on an empty store: validation, atomicity, preconditions, idempotency.</summary>
public sealed class GraphWritesTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private GraphService.GraphServiceClient Graph => _server.Graph;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync(seed: false);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task UpsertNodes_ValidNodes_ReturnsThemWithTimesAndGetNodeReadsThem()
    {
        var response = await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner("plymouth-city-council"), Initiative("plymouth-lv") } }, cancellationToken: Ct);

        var read = await Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/plymouth-city-council" }, cancellationToken: Ct);

        Assert.Equal(2, response.Nodes.Count);
        Assert.NotNull(response.Nodes[0].CreateTime);
        Assert.Equal("LOCAL_AUTHORITY", read.Properties.Fields["kind"].StringValue);
        Assert.Equal(response.Nodes[0].UpdateTime, read.UpdateTime);
    }

    [Fact]
    public async Task UpsertNodes_OneBadNode_IsInvalidArgumentNamingTheFieldAndWritesNothing()
    {
        var bad = Partner("b", kind: "PIRATE");
        var unlabelled = Partner("c");
        unlabelled.Label = "Pirate";

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner("a"), bad, unlabelled } }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "nodes[1].properties.kind");
        RpcAssert.HasViolation(error, "nodes[2].label");
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/a" }, cancellationToken: Ct));
    }

    [Theory]
    [InlineData("Partners/a", "nodes[0].name")]
    [InlineData("partners/", "nodes[0].name")]
    [InlineData("pirates/a", "nodes[0].name")]
    [InlineData("partners/a b", "nodes[0].name")]
    [InlineData("localities/a", "nodes[0].label")]
    public async Task UpsertNodes_MalformedName_IsInvalidArgument(string name, string field)
    {
        var node = Partner("a");
        node.Name = name;

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { node } }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, field);
    }

    [Fact]
    public async Task UpsertNodes_NaNScoreAndMissingRequiredProperties_AreFieldViolations()
    {
        var observation = new Node
        {
            Name = "observations/x",
            Label = "Observation",
            Properties = new Struct { Fields = { ["code"] = Value.ForString("MOMENTUM"), ["score"] = Value.ForNumber(double.NaN) } },
        };

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { observation } }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "nodes[0].properties.score");
    }

    [Fact]
    public async Task UpsertNodes_EmptyRequest_IsInvalidArgument()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Graph.UpsertNodesAsync(new UpsertNodesRequest(), cancellationToken: Ct));

        RpcAssert.HasViolation(error, "nodes");
    }

    [Fact]
    public async Task UpsertNodes_RepeatedRequestId_IsNotAppliedTwice()
    {
        await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner("p", "CCG") }, RequestId = "r-1" }, cancellationToken: Ct);
        await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner("p", "HWBB") } }, cancellationToken: Ct);

        var replay = await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner("p", "CCG") }, RequestId = "r-1" }, cancellationToken: Ct);
        var stored = await Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/p" }, cancellationToken: Ct);

        Assert.Equal("CCG", replay.Nodes[0].Properties.Fields["kind"].StringValue);
        Assert.Equal("HWBB", stored.Properties.Fields["kind"].StringValue);
    }

    [Fact]
    public async Task UpsertRelationships_ToMissingNode_IsFailedPreconditionAndWritesNothing()
    {
        await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner("p"), Initiative("i") } }, cancellationToken: Ct);

        var error = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Graph.UpsertRelationshipsAsync(
            new UpsertRelationshipsRequest { Relationships = { PartnerIn("p", "i"), PartnerIn("p", "ghost") } }, cancellationToken: Ct));
        var listed = await Graph.ListRelationshipsAsync(new ListRelationshipsRequest { Node = "partners/p" }, cancellationToken: Ct);

        Assert.Contains("initiatives/ghost", error.Status.Detail);
        Assert.Empty(listed.Relationships);
    }

    [Fact]
    public async Task UpsertRelationships_WrongEndpointLabelOrUnknownType_IsInvalidArgument()
    {
        await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner("p"), Partner("q"), Initiative("i") } }, cancellationToken: Ct);
        var wrongEnd = PartnerIn("p", "i");
        wrongEnd.End = "partners/q";
        var unknownType = PartnerIn("p", "i");
        unknownType.Type = "LOVES";

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Graph.UpsertRelationshipsAsync(
            new UpsertRelationshipsRequest { Relationships = { wrongEnd, unknownType } }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "relationships[0].end");
        RpcAssert.HasViolation(error, "relationships[1].type");
    }

    [Fact]
    public async Task DeleteNode_ConnectedWithoutCascade_IsFailedPrecondition_WithCascadeDeletes()
    {
        await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner("p"), Initiative("i") } }, cancellationToken: Ct);
        await Graph.UpsertRelationshipsAsync(new UpsertRelationshipsRequest { Relationships = { PartnerIn("p", "i") } }, cancellationToken: Ct);

        await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Graph.DeleteNodeAsync(new DeleteNodeRequest { Name = "partners/p" }, cancellationToken: Ct));
        var deleted = await Graph.DeleteNodeAsync(new DeleteNodeRequest { Name = "partners/p", Cascade = true }, cancellationToken: Ct);

        Assert.Equal(1, deleted.RelationshipsDeleted);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/p" }, cancellationToken: Ct));
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Graph.DeleteNodeAsync(new DeleteNodeRequest { Name = "partners/p" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task ImportGraph_ClientCancelsMidStream_KeepsTheCommittedBatchAndServesOn()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var import = Graph.ImportGraph(cancellationToken: cancel.Token);
        await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { Partner("kept-1"), Partner("kept-2") } }, Ct);
        while ((await Graph.ListNodesAsync(new ListNodesRequest { Label = "Partner", Filter = "name = \"kept-2\"" }, cancellationToken: Ct)).TotalSize == 0)
        {
            await Task.Delay(10, Ct);
        }

        await cancel.CancelAsync();
        import.Dispose();

        var kept = await Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/kept-2" }, cancellationToken: Ct);
        Assert.Equal("partners/kept-2", kept.Name);
        using var again = Graph.ImportGraph(cancellationToken: Ct);
        await again.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { Partner("after") } }, Ct);
        await again.RequestStream.CompleteAsync();
        Assert.Equal(1, (await again).NodesWritten);
    }

    [Fact]
    public async Task ImportGraph_ThenExportGraph_RoundTripsEveryNodeAndRelationship()
    {
        using (var import = Graph.ImportGraph(cancellationToken: Ct))
        {
            for (var batch = 0; batch < 5; batch++)
            {
                var message = new ImportGraphRequest();
                message.Nodes.Add(Initiative($"i{batch}"));
                for (var i = 0; i < 40; i++)
                {
                    message.Nodes.Add(Partner($"b{batch}-p{i}"));
                    message.Relationships.Add(PartnerIn($"b{batch}-p{i}", $"i{batch}"));
                }
                await import.RequestStream.WriteAsync(message, Ct);
            }
            await import.RequestStream.CompleteAsync();
            var imported = await import;
            Assert.Equal(205, imported.NodesWritten);
            Assert.Equal(200, imported.RelationshipsWritten);
            Assert.Equal(5, imported.Batches);
        }

        var nodes = new List<Node>();
        var relationships = new List<Relationship>();
        var messages = 0;
        using var export = Graph.ExportGraph(new ExportGraphRequest { BatchSize = 50 }, cancellationToken: Ct);
        await foreach (var message in export.ResponseStream.ReadAllAsync(Ct))
        {
            messages++;
            Assert.True(message.Nodes.Count + message.Relationships.Count <= 50);
            nodes.AddRange(message.Nodes);
            relationships.AddRange(message.Relationships);
        }

        Assert.Equal(205, nodes.Select(n => n.Name).Distinct().Count());
        Assert.Equal(200, relationships.Count);
        Assert.Equal(9, messages);
        Assert.Contains(relationships, r => r.Start == "partners/b3-p7" && r.End == "initiatives/i3" && r.Properties.Fields["role"].StringValue == "MEMBER");
    }

    [Fact]
    public async Task ImportGraph_BadThirdMessage_KeepsTheFirstTwoAndNothingOfTheThird()
    {
        var import = Graph.ImportGraph(cancellationToken: Ct);
        await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { Partner("a1"), Partner("a2") } }, Ct);
        await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { Partner("b1") } }, Ct);
        await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { Partner("c1"), Partner("c2", kind: "NOT_A_KIND") } }, Ct);
        await import.RequestStream.CompleteAsync();

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, async () => await import);
        var partners = await Graph.ListNodesAsync(new ListNodesRequest { Label = "Partner" }, cancellationToken: Ct);

        RpcAssert.HasViolation(error, "nodes[1].properties.kind");
        Assert.Contains("message 3", error.Status.Detail);
        Assert.Equal(["partners/a1", "partners/a2", "partners/b1"], partners.Nodes.Select(n => n.Name));
    }

    [Fact]
    public async Task ImportGraph_RelationshipToNodeOfAnEarlierMessage_IsAccepted()
    {
        var import = Graph.ImportGraph(cancellationToken: Ct);
        await import.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { Partner("p"), Initiative("i") } }, Ct);
        await import.RequestStream.WriteAsync(new ImportGraphRequest { Relationships = { PartnerIn("p", "i", "LEAD") } }, Ct);
        await import.RequestStream.CompleteAsync();

        var response = await import;
        var neighbourhood = await Graph.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = "initiatives/i" }, cancellationToken: Ct);

        Assert.Equal(1, response.RelationshipsWritten);
        Assert.Equal(2, neighbourhood.Nodes.Count);
    }
}
