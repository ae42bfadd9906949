namespace LocalVision.Graph.Network;

public static partial class NetworkPaths
{
    /// <summary>Weighted distances from a node to every node (infinity where unreachable), by Dijkstra.</summary>
    public static double[] WeightedDistances(NetworkProjection projection, int source, CancellationToken cancellationToken = default)
    {
        var adjacency = projection.Out;
        var distance = new double[projection.NodeCount];
        Array.Fill(distance, double.PositiveInfinity);
        var settled = new bool[projection.NodeCount];
        var heap = new MinHeap();
        distance[source] = 0;
        heap.Push(0, source);
        var pops = 0;
        while (heap.Count > 0)
        {
            if ((++pops & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var (d, u) = heap.Pop();
            if (settled[u])
            {
                continue;
            }
            settled[u] = true;
            for (int a = adjacency.Offsets[u], end = adjacency.Offsets[u + 1]; a < end; a++)
            {
                var v = adjacency.Targets[a];
                var candidate = d + adjacency.Weights[a];
                if (candidate < distance[v])
                {
                    distance[v] = candidate;
                    heap.Push(candidate, v);
                }
            }
        }
        return distance;
    }
}
