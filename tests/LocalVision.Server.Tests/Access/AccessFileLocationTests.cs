using LocalVision.Server.Hosting;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Access;

/// <summary>Where the key and audit file lives when the settings do not say: beside a SQLite store, in the data folder for Neo4j.</summary>
public sealed class AccessFileLocationTests
{
    [Fact]
    public void DefaultAccessPath_SqliteStore_IsBesideTheGraphFile()
    {
        var store = GraphStoreAddress.From(new StoreOptions { Path = "/srv/lv/graph.db" });

        Assert.Equal("/srv/lv/graph.access.db", store.DefaultAccessPath);
    }

    [Fact]
    public void DefaultAccessPath_Neo4jStore_IsOneFilePerServerAndDatabaseInTheDataFolder()
    {
        var store = GraphStoreAddress.From(new StoreOptions { Path = "neo4j://localvision@graph.internal:7474" });
        var other = GraphStoreAddress.From(new StoreOptions { Path = "neo4j://localvision@graph.internal:7474", Neo4j = { Database = "pilot" } });

        Assert.Equal(Path.GetDirectoryName(StoreOptions.DefaultPath), Path.GetDirectoryName(store.DefaultAccessPath));
        Assert.Equal("neo4j-graph.internal-7474-neo4j.access.db", Path.GetFileName(store.DefaultAccessPath));
        Assert.Equal("neo4j-graph.internal-7474-pilot.access.db", Path.GetFileName(other.DefaultAccessPath));
    }
}
