using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Server.Access;
using LocalVision.Testing.Neo4j;
using Microsoft.Data.Sqlite;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Access;

/// <summary>The key and audit file of the embedded store against the access-store contract.</summary>
public sealed class SqliteAccessStoreContractTests : AccessStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));
    private int _stores;

    protected override Task<IAccessStore> CreateEmptyStoreAsync() =>
        Task.FromResult<IAccessStore>(SqliteAccessStore.Open(Path.Combine(_folder, $"graph{++_stores}.access.db")));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>
/// What the Neo4j access store adds to the contract: its nodes share the graph's database, so the graph store on the
/// same database must never return or count them.
/// </summary>
public abstract class Neo4jAccessStoreContract : AccessStoreContract
{
    /// <summary>The graph store on the database of the last store <see cref="AccessStoreContract.CreateEmptyStoreAsync"/> made.</summary>
    protected abstract Task<IGraphStore> OpenGraphStoreAsync();

    [Fact]
    public async Task GraphStore_OnTheSameDatabase_NeitherListsNorCountsKeysOrAuditEntries()
    {
        var store = await CreateEmptyStoreAsync();
        await store.CreateKeyAsync("ops", Roles.Admin, "test", Ct);
        var entry = await store.BeginAsync("", "test", "/localvision.v1.GraphService/UpsertNodes", AuditSummary.Of(["partners/x"]), Ct);
        await store.FinishAsync(entry, AuditSummary.Of(["partners/x"]), "OK", Ct);
        await store.AppendAsync("", "test", "/localvision.v1.GraphService/DeleteNode", AuditSummary.Of(["partners/y"]), "PERMISSION_DENIED", Ct);

        await using var graph = await OpenGraphStoreAsync();
        var counts = await graph.CountAsync(Ct);
        var listed = await graph.ListNodesAsync(new NodeQuery(null, NodeFilter.None, 100, null), Ct);
        var read = await graph.ReadNodesAsync([], Ct).ToListAsync(Ct);
        var relationships = await graph.ReadRelationshipsAsync([], Ct).ToListAsync(Ct);

        Assert.Equal(0, counts.Nodes);
        Assert.Empty(counts.NodesByLabel);
        Assert.Empty(listed.Items);
        Assert.Empty(read);
        Assert.Empty(relationships);
        Assert.Single((await store.ListKeysAsync(10, null, Ct)).Items);
    }

    [Fact]
    public void Labels_OfKeysAndAudit_AreNoneOfTheGraphs()
    {
        // Every graph statement matches its nodes by the common label; the schema's labels are the graph's own.
        string[] graphLabels = ["LocalVisionNode", "LocalVisionMeta", "LocalVisionRequest", .. Labels.All];

        Assert.Empty(AccessCypher.Labels.Intersect(graphLabels, StringComparer.OrdinalIgnoreCase));
        Assert.All(AccessCypher.Schema.Concat([AccessCypher.FindKey, AccessCypher.CreateKey, AccessCypher.ListKeys, AccessCypher.ListAudit]),
            statement => Assert.DoesNotContain("LocalVisionNode", statement, StringComparison.Ordinal));
    }
}

/// <summary>The Neo4j access store over the scripted FAKE Neo4j: its protocol, paging and refusals, without a server.</summary>
public sealed class ScriptedNeo4jAccessStoreContractTests : Neo4jAccessStoreContract, IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _opened = [];
    private ScriptedNeo4j? _last;

    internal static Neo4jStoreOptions Options(TimeProvider? clock = null) => new()
    {
        Uri = new Uri("http://localhost:7474/"),
        User = ScriptedNeo4j.User,
        Password = ScriptedNeo4j.Password,
        Retry = new Neo4jRetryPolicy(3, TimeSpan.Zero, TimeSpan.Zero),
        Clock = clock ?? TimeProvider.System,
    };

    protected override async Task<IAccessStore> CreateEmptyStoreAsync()
    {
        _last = new ScriptedNeo4j().WithAccessScripts();
        // A window longer than any test, so the contract holds with keys served from the cache.
        var store = await Neo4jAccessStore.OpenAsync(Options(), TimeSpan.FromMinutes(5), _last, Ct);
        _opened.Add(store);
        return store;
    }

    protected override async Task<IGraphStore> OpenGraphStoreAsync() => await Neo4jGraphStore.OpenAsync(Options(), _last!, Ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }
        _last?.Dispose();
    }
}

/// <summary>
/// The Neo4j access store on a real server, named by <c>NEO4J_URI</c> (with <c>NEO4J_USER</c>, <c>NEO4J_PASSWORD</c>,
/// <c>NEO4J_DATABASE</c>); skipped with the reason when there is none. Each test empties the database of every
/// LocalVision node, graph and access alike: point NEO4J_URI at a scratch server.
/// </summary>
public sealed class RealNeo4jAccessStoreContractTests : Neo4jAccessStoreContract, IAsyncDisposable
{
    private static readonly string EmptyDatabase =
        "MATCH (n) WHERE " + string.Join(" OR ", new[] { "LocalVisionNode", "LocalVisionMeta", "LocalVisionRequest" }.Concat(AccessCypher.Labels).Select(l => $"n:{l}"))
        + " DETACH DELETE n";

    private readonly List<IAsyncDisposable> _opened = [];

    /// <summary>The server the environment names, or null with the reason and how to name one.</summary>
    internal static (Neo4jStoreOptions? Options, string? SkipReason) FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable("NEO4J_URI") is not { Length: > 0 } uri)
        {
            return (null, "no Neo4j server: set NEO4J_URI=http://localhost:7474 with NEO4J_USER and NEO4J_PASSWORD (a scratch server: "
                + "the tests delete all LocalVision data, graph, keys and audit, in NEO4J_DATABASE, default neo4j)");
        }
        var address = Neo4jAddress.Parse(uri);
        return (new Neo4jStoreOptions
        {
            Uri = address.Uri,
            User = Environment.GetEnvironmentVariable("NEO4J_USER") ?? address.User ?? "neo4j",
            Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD"),
            Database = Environment.GetEnvironmentVariable("NEO4J_DATABASE") ?? Neo4jStoreOptions.DefaultDatabase,
        }, null);
    }

    protected override async Task<IAccessStore> CreateEmptyStoreAsync()
    {
        var (options, skipReason) = FromEnvironment();
        Assert.SkipWhen(options is null, skipReason ?? "");
        await using (var connection = await Neo4jConnection.OpenAsync(options!, cancellationToken: Ct))
        {
            await connection.WriteAsync(new Statement(EmptyDatabase), Ct);
        }
        var store = await Neo4jAccessStore.OpenAsync(options!, TimeSpan.FromMinutes(5), cancellationToken: Ct);
        _opened.Add(store);
        return store;
    }

    protected override async Task<IGraphStore> OpenGraphStoreAsync() => await Neo4jGraphStore.OpenAsync(FromEnvironment().Options!, cancellationToken: Ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }
    }
}
