using LocalVision.Graph.Sqlite;
using LocalVision.Graph.Store;

namespace LocalVision.Server.Hosting;

public static class GraphStoreSetup
{
    /// <summary>Opens the configured store now, so a store that cannot be used stops start-up with its reason.</summary>
    public static WebApplicationBuilder AddGraphStore(this WebApplicationBuilder builder)
    {
        var options = builder.GetLocalVisionOptions();
        var store = SqliteGraphStore.Open(options.Store.Path, new SqliteStoreOptions(Durable: options.Store.Durable));
        // Created by a factory so the container disposes it (releasing the file) when the host stops.
        builder.Services.AddSingleton<IGraphStore>(_ => store);
        return builder;
    }
}
