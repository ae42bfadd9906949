namespace LocalVision.Graph.Network;

/// <summary>A partition of a projection's nodes.</summary>
/// <param name="Membership">Per node, its community id; ids run 0..Count-1, numbered by each community's lowest node index.</param>
/// <param name="Modularity">Newman's modularity of the partition on the undirected, weighted graph.</param>
/// <param name="Levels">Louvain's aggregation levels; 1 for other algorithms.</param>
public sealed record CommunityResult(int[] Membership, int Count, double Modularity, int Levels = 1)
{
    /// <summary>The members of each community, largest first (ties by lowest member).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Members()
    {
        var groups = new List<int>[Count];
        for (var c = 0; c < Count; c++)
        {
            groups[c] = [];
        }
        for (var v = 0; v < Membership.Length; v++)
        {
            groups[Membership[v]].Add(v);
        }
        return groups.OrderByDescending(g => g.Count).ThenBy(g => g[0]).Select(g => (IReadOnlyList<int>)g).ToList();
    }
}

/// <summary>
/// Community detection. Every algorithm treats relationships as undirected (a partner tie is mutual whichever way it
/// was recorded) and, when the projection is weighted, weighs them by their weights.
/// </summary>
public static class Communities
{
    /// <summary>Weakly connected components, by union-find over the relationships.</summary>
    public static CommunityResult WeaklyConnectedComponents(NetworkProjection projection, CancellationToken cancellationToken = default)
    {
        var n = projection.NodeCount;
        var parent = new int[n];
        for (var v = 0; v < n; v++)
        {
            parent[v] = v;
        }
        for (var r = 0; r < projection.RelationshipCount; r++)
        {
            if ((r & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var a = Find(parent, projection.StartOf(r));
            var b = Find(parent, projection.EndOf(r));
            if (a != b)
            {
                // The lower index becomes the root, so each component's root is its lowest node.
                if (a < b)
                {
                    parent[b] = a;
                }
                else
                {
                    parent[a] = b;
                }
            }
        }
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            membership[v] = Find(parent, v);
        }
        var count = Renumber(membership);
        return new CommunityResult(membership, count, Modularity(projection, membership));
    }

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
        var graph = WeightedGraph.From(projection, useWeights);
        var original = graph;
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            membership[v] = v;
        }
        if (graph.TotalWeight == 0)
        {
            var count0 = Renumber(membership);
            return new CommunityResult(membership, count0, 0, 0);
        }
        var random = new Random(seed);
        var levels = 0;
        var modularity = graph.Modularity(Identity(graph.NodeCount), resolution);
        while (levels < maxLevels)
        {
            var community = graph.MoveNodes(random, resolution, threshold, cancellationToken);
            var communities = Renumber(community);
            var improved = graph.Modularity(community, resolution);
            if (communities == graph.NodeCount || improved - modularity <= threshold)
            {
                break;
            }
            modularity = improved;
            levels++;
            for (var v = 0; v < n; v++)
            {
                membership[v] = community[membership[v]];
            }
            graph = graph.Aggregate(community, communities);
        }
        var count = Renumber(membership);
        return new CommunityResult(membership, count, original.Modularity(membership, resolution), Math.Max(levels, 1));
    }

    /// <summary>
    /// Label propagation (Raghavan et al.), asynchronous: in an order shuffled by <paramref name="seed"/> each node takes
    /// the label of greatest total weight among its neighbours, ties broken at random (seeded), until no label changes.
    /// </summary>
    public static CommunityResult LabelPropagation(
        NetworkProjection projection, int seed = 42, int maxIterations = 100, bool? weighted = null, CancellationToken cancellationToken = default)
    {
        var useWeights = weighted ?? projection.IsWeighted;
        var graph = WeightedGraph.From(projection, useWeights);
        var n = graph.NodeCount;
        var labels = Identity(n);
        var order = Identity(n);
        var random = new Random(seed);
        var weightOf = new double[n];
        var touched = new List<int>();
        var best = new List<int>();
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            var changed = false;
            foreach (var v in order)
            {
                touched.Clear();
                for (var a = graph.Offsets[v]; a < graph.Offsets[v + 1]; a++)
                {
                    var u = graph.Targets[a];
                    if (u == v)
                    {
                        continue;
                    }
                    if (weightOf[labels[u]] == 0)
                    {
                        touched.Add(labels[u]);
                    }
                    weightOf[labels[u]] += graph.Weights[a];
                }
                if (touched.Count == 0)
                {
                    continue;
                }
                var max = touched.Max(l => weightOf[l]);
                best.Clear();
                best.AddRange(touched.Where(l => weightOf[l] == max));
                best.Sort();
                foreach (var l in touched)
                {
                    weightOf[l] = 0;
                }
                if (!best.Contains(labels[v]))
                {
                    labels[v] = best[best.Count == 1 ? 0 : random.Next(best.Count)];
                    changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }
        var count = Renumber(labels);
        return new CommunityResult(labels, count, graph.Modularity(labels, 1.0));
    }

    /// <summary>
    /// Newman's modularity of a partition, Q = Σ_c [ L_c/m − γ (d_c / 2m)² ], on the undirected weighted graph
    /// (L_c: weight inside c, d_c: total degree of c, m: total weight). Lies in [-1/2, 1].
    /// </summary>
    /// <param name="membership">Per node, any integer naming its community.</param>
    public static double Modularity(NetworkProjection projection, IReadOnlyList<int> membership, double resolution = 1.0, bool? weighted = null)
    {
        if (membership.Count != projection.NodeCount)
        {
            throw new ArgumentException($"membership needs one entry per node ({projection.NodeCount}), not {membership.Count}", nameof(membership));
        }
        var communities = membership.ToArray();
        Renumber(communities);
        return WeightedGraph.From(projection, weighted ?? projection.IsWeighted).Modularity(communities, resolution);
    }

    private static int Find(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private static int[] Identity(int n)
    {
        var values = new int[n];
        for (var v = 0; v < n; v++)
        {
            values[v] = v;
        }
        return values;
    }

    /// <summary>Renumbers community ids 0.. in order of each community's first (lowest) node; returns the count.</summary>
    internal static int Renumber(int[] membership)
    {
        var map = new Dictionary<int, int>();
        for (var v = 0; v < membership.Length; v++)
        {
            if (!map.TryGetValue(membership[v], out var id))
            {
                id = map.Count;
                map[membership[v]] = id;
            }
            membership[v] = id;
        }
        return map.Count;
    }

    /// <summary>
    /// The undirected weighted graph Louvain works on: symmetric CSR, parallel relationships merged, a self-loop held
    /// once with its full weight (and counted twice in the node's degree, as in Newman's definition).
    /// </summary>
    private sealed class WeightedGraph(int[] offsets, int[] targets, double[] weights, double[] selfLoops)
    {
        public readonly int[] Offsets = offsets;
        public readonly int[] Targets = targets;
        public readonly double[] Weights = weights;
        public readonly double[] SelfLoops = selfLoops;
        public readonly double[] Degrees = ComputeDegrees(offsets, weights, selfLoops);

        public int NodeCount => Offsets.Length - 1;

        /// <summary>m: the sum of all relationship weights.</summary>
        public double TotalWeight => Degrees.Sum() / 2;

        public static WeightedGraph From(NetworkProjection projection, bool weighted)
        {
            var n = projection.NodeCount;
            var m = projection.RelationshipCount;
            var starts = new List<int>(m);
            var ends = new List<int>(m);
            var weights = new List<double>(m);
            var selfLoops = new double[n];
            for (var r = 0; r < m; r++)
            {
                var weight = weighted ? projection.WeightOf(r) : 1.0;
                var (s, e) = (projection.StartOf(r), projection.EndOf(r));
                if (s == e)
                {
                    selfLoops[s] += weight;
                }
                else
                {
                    starts.Add(s);
                    ends.Add(e);
                    weights.Add(weight);
                }
            }
            return Build(n, starts, ends, weights, selfLoops);
        }

        private static WeightedGraph Build(int n, List<int> starts, List<int> ends, List<double> weights, double[] selfLoops)
        {
            var adjacency = Adjacency.Build(n, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(starts),
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ends), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(weights),
                ProjectionDirection.Undirected);
            return Merge(adjacency, selfLoops);
        }

        /// <summary>Sums parallel arcs so that each neighbour appears once per node.</summary>
        private static WeightedGraph Merge(Adjacency adjacency, double[] selfLoops)
        {
            var n = adjacency.NodeCount;
            var offsets = new int[n + 1];
            var targets = new List<int>(adjacency.ArcCount);
            var weights = new List<double>(adjacency.ArcCount);
            var slot = new int[n];
            Array.Fill(slot, -1);
            for (var u = 0; u < n; u++)
            {
                var first = targets.Count;
                for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                {
                    var v = adjacency.Targets[a];
                    if (slot[v] >= first)
                    {
                        weights[slot[v]] += adjacency.Weights[a];
                    }
                    else
                    {
                        slot[v] = targets.Count;
                        targets.Add(v);
                        weights.Add(adjacency.Weights[a]);
                    }
                }
                offsets[u + 1] = targets.Count;
            }
            return new WeightedGraph(offsets, [.. targets], [.. weights], selfLoops);
        }

        private static double[] ComputeDegrees(int[] offsets, double[] weights, double[] selfLoops)
        {
            var n = offsets.Length - 1;
            var degrees = new double[n];
            for (var u = 0; u < n; u++)
            {
                var degree = 2 * selfLoops[u];
                for (var a = offsets[u]; a < offsets[u + 1]; a++)
                {
                    degree += weights[a];
                }
                degrees[u] = degree;
            }
            return degrees;
        }

        public double Modularity(IReadOnlyList<int> membership, double resolution)
        {
            var m = TotalWeight;
            if (m == 0)
            {
                return 0;
            }
            var n = NodeCount;
            var inside = new double[n];
            var total = new double[n];
            var used = new bool[n];
            for (var u = 0; u < n; u++)
            {
                var c = membership[u];
                if ((uint)c >= (uint)n)
                {
                    throw new ArgumentException($"community ids must lie in 0..{n - 1}; node {u} has {c}", nameof(membership));
                }
                used[c] = true;
                total[c] += Degrees[u];
                var internalWeight = SelfLoops[u];
                for (var a = Offsets[u]; a < Offsets[u + 1]; a++)
                {
                    if (membership[Targets[a]] == c)
                    {
                        // Each internal edge is seen from both ends.
                        internalWeight += Weights[a] / 2;
                    }
                }
                inside[c] += internalWeight;
            }
            var q = 0.0;
            for (var c = 0; c < n; c++)
            {
                if (used[c])
                {
                    var share = total[c] / (2 * m);
                    q += (inside[c] / m) - (resolution * share * share);
                }
            }
            return q;
        }

        /// <summary>Louvain's first phase; returns each node's community (ids are node indices, not yet renumbered).</summary>
        public int[] MoveNodes(Random random, double resolution, double threshold, CancellationToken cancellationToken)
        {
            var n = NodeCount;
            var m2 = 2 * TotalWeight;
            var community = Identity(n);
            var communityDegree = (double[])Degrees.Clone();
            var linkWeight = new double[n];
            var seenBy = new int[n];
            Array.Fill(seenBy, -1);
            var neighbours = new List<int>();
            var order = Identity(n);
            random.Shuffle(order);
            var moved = true;
            var modularity = Modularity(community, resolution);
            while (moved)
            {
                moved = false;
                foreach (var u in order)
                {
                    if ((u & 0x3FF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                    var own = community[u];
                    var degree = Degrees[u];
                    neighbours.Clear();
                    linkWeight[own] = 0;
                    seenBy[own] = u;
                    neighbours.Add(own);
                    for (var a = Offsets[u]; a < Offsets[u + 1]; a++)
                    {
                        var c = community[Targets[a]];
                        if (seenBy[c] != u)
                        {
                            seenBy[c] = u;
                            linkWeight[c] = 0;
                            neighbours.Add(c);
                        }
                        linkWeight[c] += Weights[a];
                    }
                    communityDegree[own] -= degree;
                    // Gain of joining c, up to terms common to every c: k_u,in(c) − γ Σ_tot(c) k_u / 2m.
                    var best = own;
                    var bestGain = linkWeight[own] - (resolution * communityDegree[own] * degree / m2);
                    foreach (var c in neighbours)
                    {
                        var gain = linkWeight[c] - (resolution * communityDegree[c] * degree / m2);
                        if (gain > bestGain)
                        {
                            bestGain = gain;
                            best = c;
                        }
                        linkWeight[c] = 0;
                    }
                    communityDegree[best] += degree;
                    if (best != own)
                    {
                        community[u] = best;
                        moved = true;
                    }
                }
                var updated = Modularity(community, resolution);
                if (updated - modularity <= threshold)
                {
                    break;
                }
                modularity = updated;
            }
            return community;
        }

        /// <summary>One node per community; weights between communities summed, weights inside becoming self-loops.</summary>
        public WeightedGraph Aggregate(int[] community, int count)
        {
            var selfLoops = new double[count];
            var starts = new List<int>();
            var ends = new List<int>();
            var weights = new List<double>();
            for (var u = 0; u < NodeCount; u++)
            {
                var cu = community[u];
                selfLoops[cu] += SelfLoops[u];
                for (var a = Offsets[u]; a < Offsets[u + 1]; a++)
                {
                    var v = Targets[a];
                    if (u > v)
                    {
                        continue;
                    }
                    var cv = community[v];
                    if (cu == cv)
                    {
                        selfLoops[cu] += Weights[a];
                    }
                    else
                    {
                        starts.Add(cu);
                        ends.Add(cv);
                        weights.Add(Weights[a]);
                    }
                }
            }
            return Build(count, starts, ends, weights, selfLoops);
        }
    }
}
