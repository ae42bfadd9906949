namespace LocalVision.Graph.Network;

public static partial class NetworkPaths
{
    /// <summary>Hop distances from a node to every node (-1 where unreachable).</summary>
    public static int[] HopDistances(NetworkProjection projection, int source, CancellationToken cancellationToken = default)
    {
        var adjacency = projection.Out;
        var distance = new int[projection.NodeCount];
        Array.Fill(distance, -1);
        var queue = new int[projection.NodeCount];
        distance[source] = 0;
        queue[0] = source;
        int head = 0, tail = 1;
        while (head < tail)
        {
            if ((head & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var u = queue[head++];
            var next = distance[u] + 1;
            var targets = adjacency.Targets;
            for (int a = adjacency.Offsets[u], end = adjacency.Offsets[u + 1]; a < end; a++)
            {
                var v = targets[a];
                if (distance[v] < 0)
                {
                    distance[v] = next;
                    queue[tail++] = v;
                }
            }
        }
        return distance;
    }
}
