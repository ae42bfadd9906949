namespace LocalVision.Graph.Store;

/// <summary>What a write did, or a dry run would do, with the nodes it was given.</summary>
public sealed record NodeWriteCounts(long Created, long Replaced, long Merged, long Unchanged)
{
    public static NodeWriteCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>Nodes that were (or would be) written: all but the unchanged.</summary>
    public long Written => Created + Replaced + Merged;

    public NodeWriteCounts Add(NodeWriteCounts other) =>
        new(Created + other.Created, Replaced + other.Replaced, Merged + other.Merged, Unchanged + other.Unchanged);
}
