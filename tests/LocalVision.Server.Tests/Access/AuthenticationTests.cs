using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Access;

/// <summary>Keys and roles on the wire: who gets in, who is refused, and that refusal comes before any lookup.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private static readonly Dictionary<string, Roles> Keys = new()
    {
        ["reader"] = Roles.Reader,
        ["evaluator"] = Roles.Evaluator,
        ["admin"] = Roles.Admin,
        ["spare"] = Roles.Reader,
    };

    private RunningServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync(seed: true, Keys);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private GraphService.GraphServiceClient GraphAs(string key) => new(_server.As(key));

    private static GetNodeRequest Plymouth => new() { Name = "localities/plymouth" };

    [Fact]
    public async Task GetNode_NoKey_IsUnauthenticatedSayingHowToSendOne()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => _server.Graph.GetNodeAsync(Plymouth, cancellationToken: Ct));

        Assert.Contains("x-api-key", error.Status.Detail);
        Assert.Equal("API_KEY_MISSING", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("lvk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task GetNode_UnknownKey_IsUnauthenticated(string key)
    {
        var graph = new GraphService.GraphServiceClient(_server.WithKey(key));

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => graph.GetNodeAsync(Plymouth, cancellationToken: Ct));
    }

    [Fact]
    public async Task GetNode_RightIdWrongSecret_IsUnauthenticated()
    {
        var real = _server.Keys["reader"];
        var forged = real[..^4] + (real[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var graph = new GraphService.GraphServiceClient(_server.WithKey(forged));

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => graph.GetNodeAsync(Plymouth, cancellationToken: Ct));
    }

    [Fact]
    public async Task GetNode_ReaderKeyAsBearer_IsServed()
    {
        var graph = new GraphService.GraphServiceClient(_server.WithHeaders(("authorization", "Bearer " + _server.Keys["reader"])));

        var plymouth = await graph.GetNodeAsync(Plymouth, cancellationToken: Ct);

        Assert.Equal("Locality", plymouth.Label);
    }

    [Fact]
    public async Task GetNode_TwoDifferentKeys_IsUnauthenticated()
    {
        var graph = new GraphService.GraphServiceClient(_server.WithHeaders(
            (KeyAuthenticator.ApiKeyHeader, _server.Keys["reader"]), ("authorization", "Bearer " + _server.Keys["admin"])));

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => graph.GetNodeAsync(Plymouth, cancellationToken: Ct));
    }

    [Fact]
    public async Task UpsertNodes_ReaderKey_IsPermissionDeniedNamingTheRole()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied,
            () => GraphAs("reader").UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("new-partner") } }, cancellationToken: Ct));

        Assert.Equal("evaluator", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Metadata["required_role"]);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => GraphAs("admin").GetNodeAsync(new GetNodeRequest { Name = "partners/new-partner" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task DeleteNode_EvaluatorOnAMissingNode_IsPermissionDeniedNotNotFound()
    {
        // The role is checked before the node is looked up, so a refused caller cannot probe which names exist.
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied,
            () => GraphAs("evaluator").DeleteNodeAsync(new DeleteNodeRequest { Name = "localities/atlantis" }, cancellationToken: Ct));
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied,
            () => GraphAs("evaluator").DeleteNodeAsync(new DeleteNodeRequest { Name = "localities/plymouth" }, cancellationToken: Ct));
        await RpcAssert.ThrowsAsync(StatusCode.NotFound,
            () => GraphAs("admin").DeleteNodeAsync(new DeleteNodeRequest { Name = "localities/atlantis" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task UpsertNodes_EvaluatorKey_IsServed()
    {
        var response = await GraphAs("evaluator").UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("evaluated-partner") } }, cancellationToken: Ct);

        Assert.Single(response.Nodes);
    }

    [Fact]
    public async Task ImportGraph_EvaluatorKey_IsPermissionDeniedBeforeAnyMessageIsRead()
    {
        using var call = GraphAs("evaluator").ImportGraph(cancellationToken: Ct);

        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, async () =>
        {
            await call.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { WireNodes.Partner("imported") } }, Ct);
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        });
    }

    [Fact]
    public async Task ListApiKeys_EvaluatorKey_IsPermissionDenied()
    {
        var access = new AccessService.AccessServiceClient(_server.As("evaluator"));

        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => access.ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: Ct));
    }

    [Fact]
    public async Task HealthCheck_NoKey_IsServed()
    {
        var health = new Health.HealthClient(_server.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task CreateApiKey_Admin_ReturnsASecretOnceThatWorksAndIsNeverListed()
    {
        var access = new AccessService.AccessServiceClient(_server.As("admin"));

        var created = await access.CreateApiKeyAsync(new CreateApiKeyRequest { DisplayName = "dashboard", Roles = { Role.Reader } }, cancellationToken: Ct);
        var read = await new GraphService.GraphServiceClient(_server.WithKey(created.Secret)).GetNodeAsync(Plymouth, cancellationToken: Ct);
        var listed = await access.ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: Ct);

        Assert.StartsWith("apiKeys/", created.Key.Name);
        Assert.Equal("Locality", read.Label);
        var key = Assert.Single(listed.Keys, k => k.Name == created.Key.Name);
        Assert.Equal("dashboard", key.DisplayName);
        Assert.Equal([Role.Reader], key.Roles);
        Assert.DoesNotContain(created.Secret[^20..], listed.ToString());
        Assert.Equal(Keys.Count + 1, listed.Keys.Count);
    }

    [Fact]
    public async Task CreateApiKey_NoRoles_IsInvalidArgumentOnRoles()
    {
        var access = new AccessService.AccessServiceClient(_server.As("admin"));

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => access.CreateApiKeyAsync(new CreateApiKeyRequest { DisplayName = "nothing" }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "roles");
    }

    [Fact]
    public async Task RevokeApiKey_ThenCallingWithIt_IsUnauthenticatedAndTheKeyStaysListedAsRevoked()
    {
        var access = new AccessService.AccessServiceClient(_server.As("admin"));
        var spare = GraphAs("spare");
        await spare.GetNodeAsync(Plymouth, cancellationToken: Ct);
        var keys = await access.ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: Ct);
        var name = keys.Keys.Single(k => k.DisplayName == "spare").Name;

        var revoked = await access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = name }, cancellationToken: Ct);

        Assert.NotNull(revoked.RevokeTime);
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => spare.GetNodeAsync(Plymouth, cancellationToken: Ct));
    }

    [Fact]
    public async Task RevokeApiKey_UnknownKey_IsNotFound()
    {
        var access = new AccessService.AccessServiceClient(_server.As("admin"));

        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = "apiKeys/000000000000" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task ListApiKeys_SmallPages_PageThroughEveryKeyOnce()
    {
        var access = new AccessService.AccessServiceClient(_server.As("admin"));
        var names = new List<string>();
        var token = "";
        do
        {
            var page = await access.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 1, PageToken = token }, cancellationToken: Ct);
            names.AddRange(page.Keys.Select(k => k.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(Keys.Count, names.Distinct().Count());
        Assert.Equal(Keys.Count, names.Count);
    }
}
