using Google.Rpc;
using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Limits;

/// <summary>
/// A request id is bound to its caller and to its request: only the same caller repeating the same request gets the
/// first answer. Before, an evaluator replaying an admin's id got the admin's old result (confidential summaries
/// included) and its own write was silently dropped.
/// </summary>
public sealed class RequestIdTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(seed: false, new Dictionary<string, Roles> { ["admin"] = Roles.Admin, ["evaluator"] = Roles.Evaluator });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private GraphService.GraphServiceClient As(string key) => new(_server.As(key));

    private static UpsertNodesRequest Write(string slug, string requestId) =>
        new() { RequestId = requestId, Nodes = { WireNodes.Partner(slug) } };

    [Fact]
    public async Task UpsertNodes_AnotherCallersRequestId_IsRefusedAndNotApplied()
    {
        await As("admin").UpsertNodesAsync(Write("admins", "shared-id"), cancellationToken: Ct);

        var error = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition,
            () => As("evaluator").UpsertNodesAsync(Write("evaluators", "shared-id"), cancellationToken: Ct));

        Assert.Contains("another caller", error.Status.Detail);
        Assert.Equal("REQUEST_ID_REUSED", error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Single().Type);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => As("admin").GetNodeAsync(new GetNodeRequest { Name = "partners/evaluators" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task UpsertNodes_SameIdOtherContent_IsRefused()
    {
        await As("evaluator").UpsertNodesAsync(Write("first", "my-id"), cancellationToken: Ct);

        var error = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition,
            () => As("evaluator").UpsertNodesAsync(Write("second", "my-id"), cancellationToken: Ct));

        Assert.Contains("other content", error.Status.Detail);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => As("admin").GetNodeAsync(new GetNodeRequest { Name = "partners/second" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task UpsertNodes_SameCallerSameRequest_IsAnsweredFromTheFirstWrite()
    {
        var first = await As("evaluator").UpsertNodesAsync(Write("retried", "retry-id"), cancellationToken: Ct);

        var retry = await As("evaluator").UpsertNodesAsync(Write("retried", "retry-id"), cancellationToken: Ct);

        Assert.Equal(first.Nodes.Single().UpdateTime, retry.Nodes.Single().UpdateTime);
    }

    [Fact]
    public async Task UpsertRelationships_AnotherCallersRequestId_IsRefused()
    {
        await As("admin").UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("a"), WireNodes.Partner("b") } }, cancellationToken: Ct);
        var tie = new UpsertRelationshipsRequest { RequestId = "tie-id", Relationships = { new Relationship { Type = "COLLABORATES_WITH", Start = "partners/a", End = "partners/b" } } };
        await As("admin").UpsertRelationshipsAsync(tie, cancellationToken: Ct);

        await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => As("evaluator").UpsertRelationshipsAsync(tie, cancellationToken: Ct));
    }
}
