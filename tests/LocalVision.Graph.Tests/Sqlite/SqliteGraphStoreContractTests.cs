using LocalVision.Graph.Store;
using LocalVision.Testing.Stores;

namespace LocalVision.Graph.Tests.Sqlite;

/// <summary>The embedded store against the shared store contract.</summary>
public sealed class SqliteGraphStoreContractTests : GraphStoreContract, IAsyncDisposable
{
    private readonly List<TempStore> _stores = [];

    protected override Task<IGraphStore> CreateEmptyStoreAsync()
    {
        var temp = TempStore.Create();
        _stores.Add(temp);
        return Task.FromResult<IGraphStore>(temp.Store);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
