namespace LocalVision.Graph.Network;

public static partial class NetworkPaths
{
    /// <summary>A shortest path, or null when the target cannot be reached.</summary>
    /// <param name="weighted">Dijkstra on the weights; false counts hops (BFS). Defaults to whether the projection is weighted.</param>
    public static NetworkPath? ShortestPath(NetworkProjection projection, int source, int target, bool? weighted = null, CancellationToken cancellationToken = default)
    {
        CheckNode(projection, source, nameof(source));
        CheckNode(projection, target, nameof(target));
        return new PathSearch(projection, weighted ?? projection.IsWeighted).Find(source, target, null, null, int.MaxValue, cancellationToken);
    }
}
