namespace LocalVision.Graph.Network;

public static partial class NetworkPaths
{
    /// <summary>
    /// Simple paths of at most <paramref name="maxDepth"/> hops, fewest hops first (each length is searched in turn,
    /// so with a limit the shortest paths are the ones kept), then cheapest first.
    /// </summary>
    public static PathSearchResult AllSimplePaths(
        NetworkProjection projection, int source, int target, int maxDepth, int limit, bool? weighted = null, CancellationToken cancellationToken = default)
    {
        CheckNode(projection, source, nameof(source));
        CheckNode(projection, target, nameof(target));
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var useWeights = weighted ?? projection.IsWeighted;
        var paths = new List<NetworkPath>();
        if (source == target)
        {
            paths.Add(NetworkPath.Create(projection, [source], [], useWeights));
            return new PathSearchResult(paths, false);
        }
        // Hops from each node to the target, walking arcs backwards: a branch that cannot arrive in time is cut.
        var toTarget = HopsTo(projection, target, maxDepth, cancellationToken);
        if (toTarget[source] < 0)
        {
            return new PathSearchResult(paths, false);
        }
        var onPath = new bool[projection.NodeCount];
        var nodes = new int[maxDepth + 1];
        var relationships = new int[maxDepth];
        var truncated = false;
        var steps = 0L;
        for (var length = toTarget[source]; length <= maxDepth && !truncated; length++)
        {
            nodes[0] = source;
            onPath[source] = true;
            Walk(source, 0, length);
            onPath[source] = false;
        }
        var ordered = paths.Select((p, i) => (p, i)).OrderBy(x => x.p.Hops).ThenBy(x => x.p.Cost).ThenBy(x => x.i).Select(x => x.p).ToList();
        return new PathSearchResult(ordered, truncated);

        void Walk(int u, int depth, int length)
        {
            var adjacency = projection.Out;
            for (int a = adjacency.Offsets[u], end = adjacency.Offsets[u + 1]; a < end && !truncated; a++)
            {
                if ((++steps & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                var v = adjacency.Targets[a];
                var remaining = length - depth - 1;
                if (onPath[v] || toTarget[v] < 0 || toTarget[v] > remaining)
                {
                    continue;
                }
                nodes[depth + 1] = v;
                relationships[depth] = adjacency.Relationships[a];
                if (v == target)
                {
                    if (remaining == 0)
                    {
                        if (paths.Count == limit)
                        {
                            truncated = true;
                            return;
                        }
                        paths.Add(NetworkPath.Create(projection, nodes.AsSpan(0, depth + 2).ToArray(), relationships.AsSpan(0, depth + 1).ToArray(), useWeights));
                    }
                    continue;
                }
                onPath[v] = true;
                Walk(v, depth + 1, length);
                onPath[v] = false;
            }
        }
    }

    private static int[] HopsTo(NetworkProjection projection, int target, int maxDepth, CancellationToken cancellationToken)
    {
        var adjacency = projection.In;
        var distance = new int[projection.NodeCount];
        Array.Fill(distance, -1);
        var queue = new Queue<int>();
        distance[target] = 0;
        queue.Enqueue(target);
        while (queue.TryDequeue(out var u))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (distance[u] == maxDepth)
            {
                continue;
            }
            for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
            {
                var v = adjacency.Targets[a];
                if (distance[v] < 0)
                {
                    distance[v] = distance[u] + 1;
                    queue.Enqueue(v);
                }
            }
        }
        return distance;
    }
}
