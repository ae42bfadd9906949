namespace LocalVision.Graph.Network;

public static partial class NetworkPaths
{
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
