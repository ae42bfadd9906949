using LocalVision.Graph.Model;

namespace LocalVision.Graph.Network;

/// <summary>A walk through a projection: its nodes in order, the relationships between them and its cost.</summary>
/// <param name="Nodes">Node indices from source to target.</param>
/// <param name="Relationships">Relationship indices; <c>Relationships[i]</c> joins <c>Nodes[i]</c> and <c>Nodes[i + 1]</c>.</param>
/// <param name="Cost">The sum of the relationships' weights, or the number of hops when unweighted.</param>
public sealed record NetworkPath(
    IReadOnlyList<int> Nodes,
    IReadOnlyList<string> NodeNames,
    IReadOnlyList<int> Relationships,
    IReadOnlyList<RelationshipKey> RelationshipKeys,
    double Cost)
{
    public int Hops => Relationships.Count;

    internal static NetworkPath Create(NetworkProjection projection, IReadOnlyList<int> nodes, IReadOnlyList<int> relationships, bool weighted)
    {
        var cost = 0.0;
        foreach (var r in relationships)
        {
            cost += weighted ? projection.WeightOf(r) : 1.0;
        }
        return new NetworkPath(
            nodes.ToArray(), nodes.Select(projection.NameOf).ToArray(),
            relationships.ToArray(), relationships.Select(projection.KeyOf).ToArray(), cost);
    }
}

/// <summary>Paths between two nodes: shortest (BFS or Dijkstra), k shortest loopless (Yen), and all simple paths up to a depth.</summary>
public static class NetworkPaths
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

    /// <summary>A shortest path, or null when the target cannot be reached.</summary>
    /// <param name="weighted">Dijkstra on the weights; false counts hops (BFS). Defaults to whether the projection is weighted.</param>
    public static NetworkPath? ShortestPath(NetworkProjection projection, int source, int target, bool? weighted = null, CancellationToken cancellationToken = default)
    {
        CheckNode(projection, source, nameof(source));
        CheckNode(projection, target, nameof(target));
        return new PathSearch(projection, weighted ?? projection.IsWeighted).Find(source, target, null, null, int.MaxValue, cancellationToken);
    }

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

    /// <summary>
    /// Up to <paramref name="k"/> shortest loopless paths of at most <paramref name="maxDepth"/> hops, cheapest first
    /// (Yen's algorithm; each spur search is bounded by the hops the root leaves). Ties are ordered by hops, then by
    /// node indices. Parallel relationships kept in the projection (<see cref="MultiEdges.Keep"/>) give distinct paths.
    /// </summary>
    public static IReadOnlyList<NetworkPath> KShortestPaths(
        NetworkProjection projection, int source, int target, int k, bool? weighted = null, int maxDepth = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        CheckNode(projection, source, nameof(source));
        CheckNode(projection, target, nameof(target));
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        var useWeights = weighted ?? projection.IsWeighted;
        var search = new PathSearch(projection, useWeights);
        var found = new List<NetworkPath>();
        if (search.Find(source, target, null, null, maxDepth, cancellationToken) is not { } first)
        {
            return found;
        }
        found.Add(first);
        var candidates = new List<NetworkPath>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { SequenceKey(first) };
        var blockedNodes = new bool[projection.NodeCount];
        var blockedRelationships = new HashSet<int>();
        while (found.Count < k)
        {
            var previous = found[^1];
            for (var i = 0; i < previous.Nodes.Count - 1; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var spur = previous.Nodes[i];
                blockedRelationships.Clear();
                foreach (var path in found)
                {
                    if (path.Nodes.Count > i + 1 && SharesRoot(path, previous, i))
                    {
                        blockedRelationships.Add(path.Relationships[i]);
                    }
                }
                for (var j = 0; j < i; j++)
                {
                    blockedNodes[previous.Nodes[j]] = true;
                }
                var spurPath = search.Find(spur, target, blockedNodes, blockedRelationships, maxDepth == int.MaxValue ? maxDepth : maxDepth - i, cancellationToken);
                for (var j = 0; j < i; j++)
                {
                    blockedNodes[previous.Nodes[j]] = false;
                }
                if (spurPath is null)
                {
                    continue;
                }
                var nodes = previous.Nodes.Take(i).Concat(spurPath.Nodes).ToArray();
                var relationships = previous.Relationships.Take(i).Concat(spurPath.Relationships).ToArray();
                var candidate = NetworkPath.Create(projection, nodes, relationships, useWeights);
                if (seen.Add(SequenceKey(candidate)))
                {
                    candidates.Add(candidate);
                }
            }
            if (candidates.Count == 0)
            {
                break;
            }
            var best = 0;
            for (var c = 1; c < candidates.Count; c++)
            {
                if (ComparePaths(candidates[c], candidates[best]) < 0)
                {
                    best = c;
                }
            }
            found.Add(candidates[best]);
            candidates.RemoveAt(best);
        }
        return found;
    }

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

    private static bool SharesRoot(NetworkPath path, NetworkPath previous, int length)
    {
        for (var j = 0; j < length; j++)
        {
            if (path.Nodes[j] != previous.Nodes[j] || path.Relationships[j] != previous.Relationships[j])
            {
                return false;
            }
        }
        return path.Nodes[length] == previous.Nodes[length];
    }

    private static string SequenceKey(NetworkPath path) => string.Join(',', path.Relationships) + "|" + string.Join(',', path.Nodes);

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

    /// <summary>One source-to-target search with reusable buffers; blocked nodes and relationships are never entered.</summary>
    private sealed class PathSearch(NetworkProjection projection, bool weighted)
    {
        private readonly double[] _distance = new double[projection.NodeCount];
        private readonly int[] _parentNode = new int[projection.NodeCount];
        private readonly int[] _parentRelationship = new int[projection.NodeCount];
        private readonly int[] _stamp = new int[projection.NodeCount];
        private readonly MinHeap _heap = new();
        private readonly Queue<int> _queue = new();
        private readonly List<Label> _labels = [];
        private int _current;

        /// <summary>A cheapest path of at most <paramref name="maxHops"/> hops (fewest hops when unweighted), or null.</summary>
        public NetworkPath? Find(int source, int target, bool[]? blockedNodes, HashSet<int>? blockedRelationships, int maxHops, CancellationToken cancellationToken)
        {
            if (source == target)
            {
                return NetworkPath.Create(projection, [source], [], weighted);
            }
            if (weighted && maxHops < projection.NodeCount - 1)
            {
                return FindWithinHops(source, target, blockedNodes, blockedRelationships, maxHops, cancellationToken);
            }
            _current++;
            var adjacency = projection.Out;
            var reached = false;
            Visit(source, 0, -1, -1);
            var steps = 0;
            if (weighted)
            {
                _heap.Clear();
                _heap.Push(0, source);
                var settled = new HashSet<int>();
                while (_heap.Count > 0)
                {
                    if ((++steps & 0x3FF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                    var (d, u) = _heap.Pop();
                    if (d > _distance[u] || !settled.Add(u))
                    {
                        continue;
                    }
                    if (u == target)
                    {
                        reached = true;
                        break;
                    }
                    for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                    {
                        var v = adjacency.Targets[a];
                        var r = adjacency.Relationships[a];
                        if (Blocked(v, r, blockedNodes, blockedRelationships))
                        {
                            continue;
                        }
                        var candidate = d + adjacency.Weights[a];
                        if (_stamp[v] != _current || candidate < _distance[v])
                        {
                            Visit(v, candidate, u, r);
                            _heap.Push(candidate, v);
                        }
                    }
                }
            }
            else
            {
                _queue.Clear();
                _queue.Enqueue(source);
                while (_queue.Count > 0 && !reached)
                {
                    if ((++steps & 0x3FF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                    var u = _queue.Dequeue();
                    for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                    {
                        var v = adjacency.Targets[a];
                        var r = adjacency.Relationships[a];
                        if (_stamp[v] == _current || Blocked(v, r, blockedNodes, blockedRelationships))
                        {
                            continue;
                        }
                        Visit(v, _distance[u] + 1, u, r);
                        if (v == target)
                        {
                            reached = true;
                            break;
                        }
                        _queue.Enqueue(v);
                    }
                }
            }
            // A breadth-first path has the fewest hops there are; beyond the bound there is none within it.
            if (!reached || (!weighted && _distance[target] > maxHops))
            {
                return null;
            }
            var nodes = new List<int>();
            var relationships = new List<int>();
            for (var v = target; v != source; v = _parentNode[v])
            {
                nodes.Add(v);
                relationships.Add(_parentRelationship[v]);
            }
            nodes.Add(source);
            nodes.Reverse();
            relationships.Reverse();
            return NetworkPath.Create(projection, nodes, relationships, weighted);
        }

        /// <summary>
        /// Dijkstra over (node, hops) labels: a label is kept only if it reaches its node in fewer hops than every
        /// cheaper label settled there, so each node is settled at most <paramref name="maxHops"/> + 1 times. The
        /// first label settled at the target is the cheapest path within the bound, and it is simple: a label that
        /// revisited a node would arrive no cheaper and with more hops than the one settled there first.
        /// </summary>
        private NetworkPath? FindWithinHops(int source, int target, bool[]? blockedNodes, HashSet<int>? blockedRelationships, int maxHops, CancellationToken cancellationToken)
        {
            _current++;
            var adjacency = projection.Out;
            _labels.Clear();
            _heap.Clear();
            // _parentNode holds, per node, the fewest hops of a label settled there.
            _stamp[source] = _current;
            _parentNode[source] = int.MaxValue;
            _labels.Add(new Label(source, 0, 0, -1, -1));
            _heap.Push(0, 0);
            var steps = 0;
            while (_heap.Count > 0)
            {
                if ((++steps & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                var (cost, id) = _heap.Pop();
                var label = _labels[id];
                var u = label.Node;
                if (_stamp[u] == _current && label.Hops >= _parentNode[u])
                {
                    continue;
                }
                _stamp[u] = _current;
                _parentNode[u] = label.Hops;
                if (u == target)
                {
                    var nodes = new List<int>();
                    var relationships = new List<int>();
                    for (var at = id; _labels[at].Parent >= 0; at = _labels[at].Parent)
                    {
                        nodes.Add(_labels[at].Node);
                        relationships.Add(_labels[at].Relationship);
                    }
                    nodes.Add(source);
                    nodes.Reverse();
                    relationships.Reverse();
                    return NetworkPath.Create(projection, nodes, relationships, weighted);
                }
                if (label.Hops == maxHops)
                {
                    continue;
                }
                for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                {
                    var v = adjacency.Targets[a];
                    var r = adjacency.Relationships[a];
                    if (Blocked(v, r, blockedNodes, blockedRelationships) || (_stamp[v] == _current && label.Hops + 1 >= _parentNode[v]))
                    {
                        continue;
                    }
                    _labels.Add(new Label(v, label.Hops + 1, cost + adjacency.Weights[a], id, r));
                    _heap.Push(cost + adjacency.Weights[a], _labels.Count - 1);
                }
            }
            return null;
        }

        private void Visit(int node, double distance, int parent, int relationship)
        {
            _stamp[node] = _current;
            _distance[node] = distance;
            _parentNode[node] = parent;
            _parentRelationship[node] = relationship;
        }

        private static bool Blocked(int node, int relationship, bool[]? blockedNodes, HashSet<int>? blockedRelationships) =>
            (blockedNodes is not null && blockedNodes[node]) || (blockedRelationships is not null && blockedRelationships.Contains(relationship));

        private readonly record struct Label(int Node, int Hops, double Cost, int Parent, int Relationship);
    }
}

/// <summary>Paths found by a bounded search, and whether the bound cut it short.</summary>
public sealed record PathSearchResult(IReadOnlyList<NetworkPath> Paths, bool Truncated);
