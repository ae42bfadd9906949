using LocalVision.Graph.Model;

namespace LocalVision.Graph.Store;

/// <summary>What a committed write did to one node or relationship.</summary>
public enum ChangeKind
{
    /// <summary>It did not exist before the write.</summary>
    Added,

    /// <summary>It existed and was written again (its properties may or may not differ).</summary>
    Updated,

    /// <summary>It was deleted; the record carries only its name (a node) or its key (a relationship).</summary>
    Removed,
}

/// <summary>A node a write added, updated or removed, as stored after the write (bare when removed).</summary>
public sealed record NodeChange(ChangeKind Kind, GraphNode Node);

/// <summary>A relationship a write added, updated or removed, as stored after the write (without properties when removed).</summary>
public sealed record RelationshipChange(ChangeKind Kind, GraphRelationship Relationship);

/// <summary>
/// The writes committed after version <paramref name="Since"/> up to version <paramref name="Until"/>, each list in
/// commit order: what a cache of derived data (network projections) needs to bring itself up to date without
/// reading the whole graph again.
/// </summary>
public sealed record GraphChanges(long Since, long Until, IReadOnlyList<NodeChange> Nodes, IReadOnlyList<RelationshipChange> Relationships)
{
    public bool IsEmpty => Nodes.Count == 0 && Relationships.Count == 0;
}
