using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Limits;

/// <summary>
/// An error names at most a few dozen violations and stays under 16 KiB of details whatever the request held, so
/// that any client can read it and the connection it came on keeps serving. Before this bound, 1,000 bad labels made
/// a 176 KB trailer: the .NET client failed on its 64 KiB header limit and the whole HTTP/2 connection died.
/// </summary>
public sealed class ErrorDetailBoundsTests : IAsyncLifetime
{
    private const int MaxDetailBytes = 16 * 1024;

    private RunningServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync(seed: true);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task GetNeighborhood_TenThousandInvalidLabels_IsABoundedInvalidArgumentAndTheConnectionServesOn()
    {
        var request = new GetNeighborhoodRequest { Name = "localities/plymouth" };
        request.Labels.AddRange(Enumerable.Range(0, 10_000).Select(i => $"NotALabel{i}-{new string('x', 60)}"));
        // Another call in flight on the same connection: an error that kills the connection fails it too.
        using var watch = new Health.HealthClient(_server.Channel).Watch(new HealthCheckRequest(), cancellationToken: Ct);

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => _server.Graph.GetNeighborhoodAsync(request, cancellationToken: Ct));

        var status = error.GetRpcStatus()!;
        Assert.InRange(status.CalculateSize(), 1, MaxDetailBytes);
        var violations = status.GetDetail<BadRequest>().FieldViolations;
        Assert.InRange(violations.Count, 2, 60);
        Assert.Equal("labels[0]", violations[0].Field);
        var rest = Assert.Single(violations, v => v.Field == "labels[*]");
        Assert.Contains($"{10_000 - (violations.Count - 1):N0} more", rest.Description);
        Assert.Contains("10,000 problems", status.Message);
        Assert.True(await watch.ResponseStream.MoveNext(Ct), "the call in flight on the same connection ended");
        var node = await _server.Graph.GetNodeAsync(new GetNodeRequest { Name = "localities/plymouth" }, cancellationToken: Ct);
        Assert.Equal("localities/plymouth", node.Name);
    }

    [Fact]
    public async Task UpsertNodes_TenThousandNodesEachWrongTwoWays_ListsTheFirstOfEachKindAndCountsTheRest()
    {
        var request = new UpsertNodesRequest();
        request.Nodes.AddRange(Enumerable.Range(0, 10_000).Select(i => new Node
        {
            Name = $"partners/bulk-{i}",
            Label = "Partner",
            // No kind, and every other one without a name either.
            Properties = new Struct { Fields = { ["name"] = Value.ForString(new string('n', i % 2 == 0 ? 10 : 0)) } },
        }));

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => _server.Graph.UpsertNodesAsync(request, cancellationToken: Ct));

        var status = error.GetRpcStatus()!;
        Assert.InRange(status.CalculateSize(), 1, MaxDetailBytes);
        var fields = status.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("nodes[0].properties.kind", fields);
        Assert.Contains("nodes[*].properties.kind", fields);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => _server.Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/bulk-0" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task ImportGraph_SecondMessageOfTenThousandBadNodes_KeepsWhatWasCommittedWithinTheBound()
    {
        using var call = _server.Graph.ImportGraph(cancellationToken: Ct);
        await call.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { WireNodes.Partner("committed-first") } }, Ct);
        var bad = new ImportGraphRequest();
        bad.Nodes.AddRange(Enumerable.Range(0, 10_000).Select(i => new Node
        {
            Name = $"partners/{new string('p', 150)}-{i}",
            Label = "Partner",
            Properties = new Struct { Fields = { ["name"] = Value.ForString("no kind") } },
        }));
        await call.RequestStream.WriteAsync(bad, Ct);
        await call.RequestStream.CompleteAsync();

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, async () => await call);

        var status = error.GetRpcStatus()!;
        Assert.InRange(status.CalculateSize(), 1, MaxDetailBytes);
        Assert.Contains("the 1 message before it was committed (1 node, 0 relationships)", status.Message);
        var info = status.GetDetail<ErrorInfo>();
        Assert.Equal("IMPORT_BATCH_REJECTED", info.Reason);
        Assert.Equal("1", info.Metadata["committed_batches"]);
        Assert.Equal("1", info.Metadata["nodes_written"]);
    }

    [Fact]
    public async Task UpsertRelationships_TenThousandMissingEnds_IsABoundedFailedPrecondition()
    {
        var request = new UpsertRelationshipsRequest();
        request.Relationships.AddRange(Enumerable.Range(0, 10_000).Select(i => new Relationship
        {
            Type = "COLLABORATES_WITH", Start = "partners/hackney-council", End = $"partners/nobody-{i}-{new string('z', 100)}",
        }));

        var error = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => _server.Graph.UpsertRelationshipsAsync(request, cancellationToken: Ct));

        var status = error.GetRpcStatus()!;
        Assert.InRange(status.CalculateSize(), 1, MaxDetailBytes);
        var violations = status.GetDetail<PreconditionFailure>().Violations;
        Assert.InRange(violations.Count, 2, 60);
        Assert.Contains(violations, v => v.Subject == "relationships[*].end" && v.Description.Contains("the first of them is relationships[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetNeighborhood_ViolationsSetToFive_ListsFive()
    {
        await using var server = await RunningServer.StartAsync(seed: false, "--LocalVision:Limits:MaxErrorViolations=5");
        var request = new GetNeighborhoodRequest { Name = "localities/plymouth" };
        request.Labels.AddRange(Enumerable.Range(0, 100).Select(i => $"NotALabel{i}"));

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => server.Graph.GetNeighborhoodAsync(request, cancellationToken: Ct));

        var violations = RpcAssert.FieldViolations(error);
        Assert.Equal(["labels[0]", "labels[1]", "labels[2]", "labels[3]", "labels[4]", "labels[*]"], violations.Select(v => v.Field));
    }
}
