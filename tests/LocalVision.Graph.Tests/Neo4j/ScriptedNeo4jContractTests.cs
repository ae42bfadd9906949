using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Store;
using LocalVision.Testing.Neo4j;
using LocalVision.Testing.Stores;

namespace LocalVision.Graph.Tests.Neo4j;

/// <summary>
/// The Neo4j store against the shared store contract, over the scripted FAKE Neo4j (<see cref="ScriptedNeo4j"/>):
/// the store's protocol, paging, filters, transactions and error handling, without a server.
/// </summary>
public sealed class ScriptedNeo4jContractTests : GraphStoreContract, IAsyncDisposable
{
    private readonly List<(ScriptedNeo4j Server, Neo4jGraphStore Store)> _opened = [];

    internal static Neo4jStoreOptions Options(int batchSize = 1000) => new()
    {
        Uri = new Uri("http://localhost:7474/"),
        User = ScriptedNeo4j.User,
        Password = ScriptedNeo4j.Password,
        BatchSize = batchSize,
        Retry = new Neo4jRetryPolicy(3, TimeSpan.Zero, TimeSpan.Zero),
    };

    /// <summary>Other replicas write the same graph, so the store never claims to know what changed.</summary>
    protected override bool LogsChanges => false;

    protected override async Task<IGraphStore> CreateEmptyStoreAsync()
    {
        var server = new ScriptedNeo4j();
        var store = await Neo4jGraphStore.OpenAsync(Options(batchSize: 7), server, Ct);
        _opened.Add((server, store));
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (server, store) in _opened)
        {
            await store.DisposeAsync();
            server.Dispose();
        }
    }
}
