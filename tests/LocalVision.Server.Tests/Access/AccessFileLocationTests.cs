using LocalVision.Server.Hosting;

namespace LocalVision.Server.Tests.Access;

/// <summary>Where the key and audit file of an embedded store lives when the settings do not say: beside it. (On Neo4j, keys live in its database.)</summary>
public sealed class AccessFileLocationTests
{
    [Fact]
    public void DefaultAccessPath_SqliteStore_IsBesideTheGraphFile()
    {
        var store = (GraphStoreAddress.SqliteStore)GraphStoreAddress.From(new StoreOptions { Path = "/srv/lv/graph.db" });

        Assert.Equal("/srv/lv/graph.access.db", store.DefaultAccessPath);
    }
}
