using LocalVision.Graph.Store;

namespace LocalVision.Testing.Stores;

/// <summary>
/// Everything a store holds as comparable lines: each node's name, label, display name and properties, and each
/// relationship's ends, type and properties, both in a fixed order. Times are left out, as a copy stamps its own.
/// </summary>
public static class StoreContents
{
    public static async Task<(List<string> Nodes, List<string> Relationships)> ReadAsync(IGraphStore store, CancellationToken cancellationToken) =>
        ((await store.ReadNodesAsync([], cancellationToken).ToListAsync(cancellationToken))
            .Select(n => $"{n.Name} {n.Label} {n.DisplayName} {n.Properties.ToJsonString()}").ToList(),
         (await store.ReadRelationshipsAsync([], cancellationToken).ToListAsync(cancellationToken))
            .Select(r => $"{r.Start} {r.Type} {r.End} {r.Properties.ToJsonString()}").Order(StringComparer.Ordinal).ToList());
}
