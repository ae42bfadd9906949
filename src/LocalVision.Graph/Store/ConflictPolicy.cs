namespace LocalVision.Graph.Store;

/// <summary>What a write does with a node whose name is already stored (a node identical to it is never a conflict).</summary>
public enum ConflictPolicy
{
    /// <summary>The given node replaces the stored one whole.</summary>
    Replace,

    /// <summary>The write is refused, naming the stored names, and nothing of it is written.</summary>
    Fail,

    /// <summary>The given properties (and display name, when given) go over the stored ones; the rest are kept.</summary>
    Merge,
}
