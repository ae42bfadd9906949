namespace LocalVision.Graph.Model;

/// <summary>A set of nodes and the relationships among them, e.g. a neighbourhood.</summary>
public sealed record Subgraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships, bool Truncated);

/// <summary>Which way a relationship is followed from a node.</summary>
public enum Direction
{
    Both,
    Outgoing,
    Incoming,
}

/// <summary>One atomic unit of writing: nodes first, then relationships (which may point at the batch's nodes).</summary>
public sealed record GraphBatch(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships)
{
    public static GraphBatch Empty { get; } = new([], []);

    public bool IsEmpty => Nodes.Count == 0 && Relationships.Count == 0;
}

/// <summary>How many nodes and relationships a store holds, in all, by label and by relationship type.</summary>
public sealed record GraphCounts(
    long Nodes, long Relationships, IReadOnlyDictionary<string, long> NodesByLabel, IReadOnlyDictionary<string, long> RelationshipsByType);
