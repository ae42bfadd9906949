namespace LocalVision.Graph.Network;

/// <summary>
/// Paths between two nodes: shortest (BFS or Dijkstra), k shortest loopless (Yen), and all simple paths up to a depth.
/// One search per file in this folder; this part holds the entry point, path ordering and node checks.
/// </summary>
public static partial class NetworkPaths
{
    /// <summary>
    /// What a path query asks for: up to <paramref name="k"/> paths of at most <paramref name="maxDepth"/> hops,
    /// shortest first. Unweighted, these are exactly the k shortest within the depth (a depth-bounded search, fewest
    /// hops first). Weighted, they are the k cheapest loopless paths among those within the depth (Yen's algorithm
    /// over a hop-bounded search), so a cheap path is never lost to a cheaper one that is too long.
    /// </summary>
    public static IReadOnlyList<NetworkPath> FindPaths(
        NetworkProjection projection, int source, int target, int k, int maxDepth, bool? weighted = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        var useWeights = weighted ?? projection.IsWeighted;
        return useWeights
            ? KShortestPaths(projection, source, target, k, true, maxDepth, cancellationToken)
            : AllSimplePaths(projection, source, target, maxDepth, k, false, cancellationToken).Paths;
    }

    private static int ComparePaths(NetworkPath a, NetworkPath b)
    {
        var byCost = a.Cost.CompareTo(b.Cost);
        if (byCost != 0)
        {
            return byCost;
        }
        var byHops = a.Hops.CompareTo(b.Hops);
        if (byHops != 0)
        {
            return byHops;
        }
        for (var i = 0; i < a.Nodes.Count; i++)
        {
            var byNode = a.Nodes[i].CompareTo(b.Nodes[i]);
            if (byNode != 0)
            {
                return byNode;
            }
        }
        for (var i = 0; i < a.Relationships.Count; i++)
        {
            var byRelationship = a.Relationships[i].CompareTo(b.Relationships[i]);
            if (byRelationship != 0)
            {
                return byRelationship;
            }
        }
        return 0;
    }

    internal static void CheckNode(NetworkProjection projection, int node, string parameter)
    {
        if ((uint)node >= (uint)projection.NodeCount)
        {
            throw new ArgumentOutOfRangeException(parameter, node, $"the projection has {projection.NodeCount} nodes");
        }
    }
}
