using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Store;
using LocalVision.Testing.Stores;

namespace LocalVision.Graph.Tests.Neo4j;

/// <summary>
/// The Neo4j store against the shared store contract on a REAL Neo4j (see <see cref="Neo4jServer"/>); skipped,
/// with the reason and the way to run it, where there is none.
/// </summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jGraphStoreContractTests(Neo4jServer server) : GraphStoreContract, IAsyncDisposable
{
    private readonly List<Neo4jGraphStore> _opened = [];

    /// <summary>Other replicas write the same graph, so the store never claims to know what changed.</summary>
    protected override bool LogsChanges => false;

    protected override async Task<IGraphStore> CreateEmptyStoreAsync()
    {
        var store = await server.OpenEmptyStoreAsync(Ct);
        _opened.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }
    }
}
