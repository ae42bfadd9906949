namespace LocalVision.Graph.Network;

public static partial class Communities
{
    /// <summary>
    /// Louvain (Blondel et al.): move nodes to the neighbouring community with the best modularity gain until no move
    /// gains more than <paramref name="threshold"/>, aggregate, repeat. Nodes are visited in an order shuffled by
    /// <paramref name="seed"/>, so the same seed gives the same partition.
    /// </summary>
    /// <param name="weighted">Weigh relationships by the projection's weights; defaults to whether it is weighted.</param>
    public static CommunityResult Louvain(
        NetworkProjection projection, int seed = 42, double resolution = 1.0, double threshold = 1e-7, int maxLevels = 32, bool? weighted = null,
        CancellationToken cancellationToken = default)
    {
        var n = projection.NodeCount;
        var useWeights = weighted ?? projection.IsWeighted;
        var graph = WeightedGraph.From(projection, useWeights, cancellationToken);
        var original = graph;
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            membership[v] = v;
        }
        if (graph.TotalWeight == 0)
        {
            // No relationships: every node is its own community and modularity is undefined, reported as 0.
            return new CommunityResult(membership, Renumber(membership), 0, 0);
        }
        var random = new Random(seed);
        var levels = 0;
        while (levels < maxLevels)
        {
            var (community, gain) = graph.MoveNodes(random, resolution, threshold, cancellationToken);
            var communities = Renumber(community);
            if (communities == graph.NodeCount || gain <= threshold)
            {
                break;
            }
            levels++;
            for (var v = 0; v < n; v++)
            {
                membership[v] = community[membership[v]];
            }
            graph = graph.Aggregate(community, communities, cancellationToken);
        }
        var count = Renumber(membership);
        return new CommunityResult(membership, count, original.Modularity(membership, resolution, cancellationToken), Math.Max(levels, 1));
    }
}
