using System.Net;
using LocalVision.Graph.Model;
using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Store;
using LocalVision.Testing.Neo4j;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Graph.Tests.Neo4j;

/// <summary>
/// What only a shared server shows — replicas, bookmarks, retries across a whole write — over the scripted FAKE Neo4j.
/// </summary>
public sealed class ScriptedNeo4jStoreTests : IDisposable
{
    private readonly ScriptedNeo4j _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Neo4jGraphStore> OpenReplicaAsync() => Neo4jGraphStore.OpenAsync(ScriptedNeo4jContractTests.Options(), _server, Ct);

    [Fact]
    public async Task GetVersionAsync_WriteThroughAnotherReplica_RisesAndTheNodeIsReadable()
    {
        await using var a = await OpenReplicaAsync();
        await using var b = await OpenReplicaAsync();
        var before = await b.GetVersionAsync(Ct);

        await a.WriteAsync(new GraphBatch([Partner("kernow")], []), WriteOptions.None, Ct);

        Assert.True(await b.GetVersionAsync(Ct) > before);
        Assert.NotNull(await b.GetNodeAsync("partners/kernow", Ct));
    }

    [Fact]
    public async Task WriteAsync_SameRequestIdThroughTwoReplicas_IsAppliedOnce()
    {
        await using var a = await OpenReplicaAsync();
        await using var b = await OpenReplicaAsync();

        var results = await Task.WhenAll(
            a.WriteAsync(new GraphBatch([Partner("p", "CCG")], []), new WriteOptions("req-7"), Ct),
            b.WriteAsync(new GraphBatch([Partner("p", "CCG")], []), new WriteOptions("req-7"), Ct));

        Assert.Single(results, r => r.Replayed);
        Assert.Equal(results[0].Nodes[0].UpdateTime, results[1].Nodes[0].UpdateTime);
    }

    [Fact]
    public async Task ReadAsync_AfterAWrite_GoesToReadersWithTheCommitsBookmark()
    {
        await using var store = await OpenReplicaAsync();
        await store.WriteAsync(new GraphBatch([Partner("p")], []), WriteOptions.None, Ct);
        var committed = _server.Requests.Count;

        await store.CountAsync(Ct);

        var read = _server.Bodies[committed]!;
        Assert.Equal("Read", read["accessMode"]!.GetValue<string>());
        Assert.Equal(_server.LatestBookmark, read["bookmarks"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task WriteAsync_DeadlockMidTransaction_RetriesTheWholeBatchAndWritesItOnce()
    {
        await using var store = await OpenReplicaAsync();
        var partner = Partner("p");
        var project = Initiative("i");
        var commits = _server.Commits;
        _server.FailNext(1, HttpStatusCode.Accepted, "Neo.TransientError.Transaction.DeadlockDetected", "can't acquire ExclusiveLock");

        await store.WriteAsync(new GraphBatch([partner, project], [PartnerIn(partner, project)]), WriteOptions.None, Ct);

        Assert.Equal(commits + 1, _server.Commits);
        Assert.Equal(2, (await store.CountAsync(Ct)).Nodes);
        Assert.Equal(1, (await store.CountAsync(Ct)).Relationships);
    }

    [Fact]
    public async Task OpenAsync_UserWithoutSchemaPrivilegesAfterAnAdministratorsStart_Opens()
    {
        await (await OpenReplicaAsync()).DisposeAsync();
        _server.SchemaForbidden = true;

        await using var store = await OpenReplicaAsync();

        Assert.Equal(0, (await store.CountAsync(Ct)).Nodes);
    }

    [Fact]
    public async Task OpenAsync_UserWithoutSchemaPrivilegesOnAFreshDatabase_SaysWhatAnAdministratorMustRun()
    {
        _server.SchemaForbidden = true;

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(OpenReplicaAsync);

        Assert.Contains($"user `{ScriptedNeo4j.User}` may not create constraints or indexes", error.Message);
        Assert.Contains($"{Cypher.Schema.Count} that the store needs are missing", error.Message);
        Assert.Contains(Cypher.Schema[^1], error.Message);
    }

    public void Dispose() => _server.Dispose();
}
