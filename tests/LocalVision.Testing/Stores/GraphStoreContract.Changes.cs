using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Testing.Stores;

/// <summary>What a store says its writes changed (<see cref="IGraphStore.GetChangesSinceAsync"/>).</summary>
public abstract partial class GraphStoreContract
{
    /// <summary>Whether the store keeps a log of its writes; one that does not must say "unknown" (null) every time.</summary>
    protected virtual bool LogsChanges => true;

    [Fact]
    public async Task GetChangesSinceAsync_WritesAfterAVersion_ListsWhatEachAddedAndUpdatedInOrder()
    {
        await using var store = await CreateEmptyStoreAsync();
        var (a, b) = (Partner("a"), Partner("b"));
        await store.WriteAsync(Batch(a), WriteOptions.None, Ct);
        var since = await store.GetVersionAsync(Ct);
        await store.WriteAsync(new GraphBatch([b], [Collaboration(a, b, 0.5)]), WriteOptions.None, Ct);
        await store.WriteAsync(new GraphBatch([Partner("a", "CCG")], [Collaboration(a, b, 0.25)]), WriteOptions.None, Ct);

        var changes = await store.GetChangesSinceAsync(since, Ct);

        if (!LogsChanges)
        {
            Assert.Null(changes);
            return;
        }
        Assert.NotNull(changes);
        Assert.Equal(since, changes.Since);
        Assert.True(changes.Until >= await store.GetVersionAsync(Ct));
        Assert.Equal([(ChangeKind.Added, b.Name), (ChangeKind.Updated, a.Name)], changes.Nodes.Select(n => (n.Kind, n.Node.Name)));
        Assert.Equal("CCG", changes.Nodes[1].Node.GetString("kind"));
        Assert.Equal([(ChangeKind.Added, 0.5), (ChangeKind.Updated, 0.25)],
            changes.Relationships.Select(r => (r.Kind, r.Relationship.GetNumber("strength") ?? -1)));
        Assert.All(changes.Relationships, r => Assert.Equal(new RelationshipKey("COLLABORATES_WITH", a.Name, b.Name), r.Relationship.Key));
    }

    [Fact]
    public async Task GetChangesSinceAsync_DeletedNode_ListsItAndItsRelationshipsRemoved()
    {
        await using var store = await CreateEmptyStoreAsync();
        var (a, b, c) = (Partner("a"), Partner("b"), Partner("c"));
        await store.WriteAsync(new GraphBatch([a, b, c], [Collaboration(a, b, 0.5), Collaboration(c, b, 0.5), Collaboration(a, c, 0.5)]), WriteOptions.None, Ct);
        var since = await store.GetVersionAsync(Ct);

        await store.DeleteNodeAsync(b.Name, cascade: true, Ct);
        var changes = await store.GetChangesSinceAsync(since, Ct);

        if (!LogsChanges)
        {
            Assert.Null(changes);
            return;
        }
        Assert.NotNull(changes);
        Assert.Equal([(ChangeKind.Removed, b.Name, "Partner")], changes.Nodes.Select(n => (n.Kind, n.Node.Name, n.Node.Label)));
        Assert.All(changes.Relationships, r => Assert.Equal(ChangeKind.Removed, r.Kind));
        Assert.Equal(
            [new RelationshipKey("COLLABORATES_WITH", a.Name, b.Name), new RelationshipKey("COLLABORATES_WITH", c.Name, b.Name)],
            changes.Relationships.Select(r => r.Relationship.Key).OrderBy(k => k.Start, StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetChangesSinceAsync_TheCurrentVersion_IsEmpty()
    {
        await using var store = await CreateEmptyStoreAsync();
        await store.WriteAsync(Batch(Partner("a")), WriteOptions.None, Ct);

        var changes = await store.GetChangesSinceAsync(await store.GetVersionAsync(Ct), Ct);

        if (!LogsChanges)
        {
            Assert.Null(changes);
            return;
        }
        Assert.NotNull(changes);
        Assert.True(changes.IsEmpty);
    }

    /// <summary>A partner-to-partner tie of some strength: the weighted relationship projections are tested on.</summary>
    protected static GraphRelationship Collaboration(GraphNode start, GraphNode end, double strength) =>
        Relationship("COLLABORATES_WITH", start, end, new JsonObject { ["strength"] = strength });
}
