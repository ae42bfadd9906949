using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LocalVision.Server.Tests.Access;

/// <summary>The append-only audit log: every write and key operation, who made it, what it touched, how it ended.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(seed: false, new Dictionary<string, Roles>
        {
            ["reader"] = Roles.Reader,
            ["evaluator"] = Roles.Evaluator,
            ["ops"] = Roles.Admin,
        });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private AccessService.AccessServiceClient Access => new(_server.As("ops"));

    private async Task<List<AuditEntry>> AuditAsync() =>
        (await Access.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 1000 }, cancellationToken: Ct)).Entries.ToList();

    [Fact]
    public async Task UpsertNodes_Evaluator_IsRecordedWithTheKeyTheMethodAndTheNodes()
    {
        var graph = new GraphService.GraphServiceClient(_server.As("evaluator"));

        await graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("audited-a"), WireNodes.Partner("audited-b") } }, cancellationToken: Ct);

        var entry = (await AuditAsync()).First();
        var keys = await Access.ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: Ct);
        Assert.Equal("evaluator", entry.Caller);
        Assert.Equal(keys.Keys.Single(k => k.DisplayName == "evaluator").Name, entry.Key);
        Assert.Equal("/localvision.v1.GraphService/UpsertNodes", entry.Method);
        Assert.Equal(["partners/audited-a", "partners/audited-b"], entry.Resources);
        Assert.Equal("OK", entry.Outcome);
        Assert.NotNull(entry.Time);
    }

    [Fact]
    public async Task UpsertNodes_RefusedAndRejectedAttempts_AreRecordedWithTheirOutcome()
    {
        var asReader = new GraphService.GraphServiceClient(_server.As("reader"));
        var asEvaluator = new GraphService.GraphServiceClient(_server.As("evaluator"));
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied,
            () => asReader.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("sneaky") } }, cancellationToken: Ct));
        await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => asEvaluator.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("bad", kind: "PIRATES") } }, cancellationToken: Ct));

        var entries = await AuditAsync();

        Assert.Contains(entries, e => e.Caller == "reader" && e.Outcome == "PERMISSION_DENIED" && e.Resources.Contains("partners/sneaky"));
        Assert.Contains(entries, e => e.Caller == "evaluator" && e.Outcome == "INVALID_ARGUMENT" && e.Resources.Contains("partners/bad"));
    }

    [Fact]
    public async Task KeyOperations_AreRecorded()
    {
        var created = await Access.CreateApiKeyAsync(new CreateApiKeyRequest { DisplayName = "temp", Roles = { Role.Reader } }, cancellationToken: Ct);
        await Access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.Key.Name }, cancellationToken: Ct);

        var entries = await AuditAsync();

        Assert.Equal("/localvision.v1.AccessService/RevokeApiKey", entries[0].Method);
        Assert.Equal("/localvision.v1.AccessService/CreateApiKey", entries[1].Method);
        Assert.All(entries.Take(2), e => Assert.Equal([created.Key.Name], e.Resources));
        Assert.All(entries.Take(2), e => Assert.Equal("ops", e.Caller));
    }

    [Fact]
    public async Task ImportGraph_Admin_IsRecordedWithItsCounts()
    {
        using var call = new GraphService.GraphServiceClient(_server.As("ops")).ImportGraph(cancellationToken: Ct);
        await call.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { WireNodes.Partner("imported") } }, Ct);
        await call.RequestStream.CompleteAsync();
        await call;

        var entry = (await AuditAsync()).First();

        Assert.Equal("/localvision.v1.GraphService/ImportGraph", entry.Method);
        Assert.Equal([("batches", 1L), ("created", 1L), ("merged", 0L), ("nodes", 1L), ("relationships", 0L), ("replaced", 0L), ("unchanged", 0L)],
            entry.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public async Task ListAuditEntries_Reads_AreNotRecordedAndSequencesRise()
    {
        var graph = new GraphService.GraphServiceClient(_server.As("evaluator"));
        await graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("first") } }, cancellationToken: Ct);
        await graph.GetNodeAsync(new GetNodeRequest { Name = "partners/first" }, cancellationToken: Ct);
        await graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("second") } }, cancellationToken: Ct);

        var entries = await AuditAsync();

        Assert.Equal(2, entries.Count);
        Assert.True(entries[0].Sequence > entries[1].Sequence);
    }

    [Fact]
    public async Task UpsertNodes_Succeeded_HasOneEntryBegunBeforeItAndOneOutcomeAfter()
    {
        await new GraphService.GraphServiceClient(_server.As("evaluator"))
            .UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("once") } }, cancellationToken: Ct);

        var entry = Assert.Single(await AuditAsync());
        Assert.Equal("OK", entry.Outcome);
        Assert.Equal(IAccessStore.Unfinished, Scalar("SELECT outcome FROM audit_log WHERE sequence = @s", entry.Sequence));
        Assert.Equal("OK", Scalar("SELECT outcome FROM audit_outcome WHERE sequence = @s", entry.Sequence));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM audit_outcome"));
    }

    [Fact]
    public async Task UpsertNodes_RejectedByValidation_HasOneEntryMarkedWithTheRefusalAndWritesNothing()
    {
        var graph = new GraphService.GraphServiceClient(_server.As("evaluator"));

        await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("never", kind: "PIRATES") } }, cancellationToken: Ct));

        var entry = Assert.Single(await AuditAsync());
        Assert.Equal("INVALID_ARGUMENT", entry.Outcome);
        Assert.Equal(["partners/never"], entry.Resources);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => graph.GetNodeAsync(new GetNodeRequest { Name = "partners/never" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task UpsertNodes_AuditLogCannotBeWritten_IsRefusedBeforeAnythingIsWritten()
    {
        var graph = new GraphService.GraphServiceClient(_server.As("evaluator"));
        Execute("CREATE TRIGGER test_audit_full BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no room for the entry'); END");

        var error = await RpcAssert.ThrowsAsync(StatusCode.Unavailable,
            () => graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("unrecorded") } }, cancellationToken: Ct));

        Execute("DROP TRIGGER test_audit_full");
        Assert.Equal("ACCESS_STORE_UNAVAILABLE", error.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => graph.GetNodeAsync(new GetNodeRequest { Name = "partners/unrecorded" }, cancellationToken: Ct));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Finish_SecondOutcomeForOneEntry_IsRefused()
    {
        var store = _server.Services.GetRequiredService<IAccessStore>();
        var entry = await store.BeginAsync("", "test", "/localvision.v1.GraphService/UpsertNodes", AuditSummary.Of(["partners/x"]), Ct);
        await store.FinishAsync(entry, AuditSummary.Of(["partners/x"]), "OK", Ct);

        await Assert.ThrowsAsync<AccessStoreException>(() => store.FinishAsync(entry, AuditSummary.Of(["partners/x"]), "INTERNAL", Ct));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET outcome = 'OK'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("UPDATE audit_outcome SET outcome = 'INTERNAL'")]
    [InlineData("DELETE FROM audit_outcome")]
    [InlineData("DELETE FROM api_keys")]
    public async Task AuditLog_ChangingOrRemovingEntries_IsRefusedByTheStore(string sql)
    {
        await new GraphService.GraphServiceClient(_server.As("evaluator"))
            .UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("kept") } }, cancellationToken: Ct);

        var error = Assert.Throws<SqliteException>(() => Execute(sql));

        Assert.Matches("append-only|never deleted", error.Message);
        Assert.Equal("OK", Assert.Single(await AuditAsync()).Outcome);
    }

    private void Execute(string sql) => Scalar(sql);

    /// <summary>Runs SQL on the access file directly, as someone with the file (not the service) could.</summary>
    private object? Scalar(string sql, long? sequence = null)
    {
        var path = ((SqliteAccessStore)_server.Services.GetRequiredService<IAccessStore>()).Path;
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (sequence is not null)
        {
            command.Parameters.AddWithValue("@s", sequence);
        }
        return command.ExecuteScalar();
    }
}
