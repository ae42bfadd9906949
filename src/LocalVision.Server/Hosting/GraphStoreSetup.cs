using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Sqlite;
using LocalVision.Graph.Store;

namespace LocalVision.Server.Hosting;

public static class GraphStoreSetup
{
    /// <summary>Opens the configured store now, so a store that cannot be used stops start-up with its reason.</summary>
    public static WebApplicationBuilder AddGraphStore(this WebApplicationBuilder builder)
    {
        var options = builder.GetLocalVisionOptions();
        IGraphStore store = UsesNeo4j(options.Store)
            ? OpenNeo4j(options.Store)
            : SqliteGraphStore.Open(options.Store.Path, new SqliteStoreOptions(Durable: options.Store.Durable));
        // Created by a factory so the container disposes it (releasing the file) when the host stops.
        builder.Services.AddSingleton<IGraphStore>(_ => store);
        return builder;
    }

    private static bool UsesNeo4j(StoreOptions store) => store.Kind?.ToLowerInvariant() switch
    {
        null or "" => Neo4jAddress.IsNeo4jAddress(store.Path),
        "neo4j" => true,
        "sqlite" => false,
        _ => throw new StartupConfigurationException($"LocalVision:Store:Kind `{store.Kind}` is not a store kind; use sqlite or neo4j"),
    };

    private static Neo4jGraphStore OpenNeo4j(StoreOptions store)
    {
        var text = store.Neo4j.Uri ?? (Neo4jAddress.IsNeo4jAddress(store.Path) ? store.Path : null)
            ?? throw new StartupConfigurationException("the Neo4j store needs an address: --store neo4j://user@host:7474 or LocalVision:Store:Neo4j:Uri");
        Neo4jAddress address;
        try
        {
            address = Neo4jAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new StartupConfigurationException(e.Message);
        }
        if (address.Note is not null)
        {
            // Said before the host (and its logging) exists, as start-up failures are.
            Console.Error.WriteLine($"LocalVision: {address.Note}");
        }
        var options = new Neo4jStoreOptions
        {
            Uri = address.Uri,
            Database = store.Neo4j.Database,
            User = store.Neo4j.User ?? address.User,
            Password = store.Neo4j.Password,
            BatchSize = store.Neo4j.BatchSize,
        };
        // Start-up is synchronous; there is no context to deadlock on yet.
        return Neo4jGraphStore.OpenAsync(options).GetAwaiter().GetResult();
    }
}
