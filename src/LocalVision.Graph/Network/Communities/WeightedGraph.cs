namespace LocalVision.Graph.Network;

public static partial class Communities
{
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

        public static WeightedGraph From(NetworkProjection projection, bool weighted, CancellationToken cancellationToken = default)
        {
            var n = projection.NodeCount;
            var selfLoops = new double[n];
            if (projection.Direction == ProjectionDirection.Undirected)
            {
                // The projection's arcs are already symmetric: merge them in place of a second layout.
                return Merge(projection.Out, weighted, selfLoops, selfArcShare: 0.5, cancellationToken);
            }
            var check = new CancellationCheck(cancellationToken);
            // Directed arcs are the ties (merged or kept as the projection says); modularity here ignores their direction.
            var arcs = projection.Out;
            var kept = 0;
            for (var u = 0; u < n; u++)
            {
                for (var a = arcs.Offsets[u]; a < arcs.Offsets[u + 1]; a++)
                {
                    if (arcs.Targets[a] != u)
                    {
                        kept++;
                    }
                }
                check.Add(arcs.Offsets[u + 1] - arcs.Offsets[u] + 1);
            }
            var starts = new int[kept];
            var ends = new int[kept];
            var weights = new double[kept];
            var at = 0;
            for (var u = 0; u < n; u++)
            {
                for (var a = arcs.Offsets[u]; a < arcs.Offsets[u + 1]; a++)
                {
                    var weight = weighted ? arcs.Weights[a] : 1.0;
                    var v = arcs.Targets[a];
                    if (v == u)
                    {
                        selfLoops[u] += weight;
                    }
                    else
                    {
                        starts[at] = u;
                        ends[at] = v;
                        weights[at] = weight;
                        at++;
                    }
                }
                check.Add(arcs.Offsets[u + 1] - arcs.Offsets[u] + 1);
            }
            return Merge(Adjacency.Build(n, starts, ends, weights, ProjectionDirection.Undirected, cancellationToken: cancellationToken), true, selfLoops, selfArcShare: 0, cancellationToken);
        }

        /// <summary>
        /// Sums parallel arcs so that each neighbour appears once per node, in two passes so the arrays are allocated
        /// at their final size. Arcs from a node to itself add <paramref name="selfArcShare"/> of their weight to its self-loop.
        /// </summary>
        private static WeightedGraph Merge(Adjacency adjacency, bool weighted, double[] selfLoops, double selfArcShare, CancellationToken cancellationToken)
        {
            var n = adjacency.NodeCount;
            var check = new CancellationCheck(cancellationToken);
            var offsets = new int[n + 1];
            var stamp = new int[n];
            Array.Fill(stamp, -1);
            for (var u = 0; u < n; u++)
            {
                var distinct = 0;
                for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                {
                    var v = adjacency.Targets[a];
                    if (v != u && stamp[v] != u)
                    {
                        stamp[v] = u;
                        distinct++;
                    }
                }
                offsets[u + 1] = offsets[u] + distinct;
                check.Add(adjacency.Offsets[u + 1] - adjacency.Offsets[u] + 1);
            }
            var targets = new int[offsets[n]];
            var weights = new double[offsets[n]];
            var slot = new int[n];
            Array.Fill(stamp, -1);
            for (var u = 0; u < n; u++)
            {
                var next = offsets[u];
                for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                {
                    var v = adjacency.Targets[a];
                    var weight = weighted ? adjacency.Weights[a] : 1.0;
                    if (v == u)
                    {
                        selfLoops[u] += weight * selfArcShare;
                    }
                    else if (stamp[v] == u)
                    {
                        weights[slot[v]] += weight;
                    }
                    else
                    {
                        stamp[v] = u;
                        slot[v] = next;
                        targets[next] = v;
                        weights[next] = weight;
                        next++;
                    }
                }
                check.Add(adjacency.Offsets[u + 1] - adjacency.Offsets[u] + 1);
            }
            return new WeightedGraph(offsets, targets, weights, selfLoops);
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

        public double Modularity(IReadOnlyList<int> membership, double resolution, CancellationToken cancellationToken = default)
        {
            var check = new CancellationCheck(cancellationToken);
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
                check.Add(Offsets[u + 1] - Offsets[u] + 1);
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

        /// <summary>
        /// Louvain's first phase: returns each node's community (ids are node indices, not yet renumbered) and the
        /// modularity gained. Passes over the nodes repeat until a pass gains no more than <paramref name="threshold"/>.
        /// </summary>
        public (int[] Community, double Gain) MoveNodes(Random random, double resolution, double threshold, CancellationToken cancellationToken)
        {
            var n = NodeCount;
            var m = TotalWeight;
            var m2 = 2 * m;
            var community = Identity(n);
            var communityDegree = (double[])Degrees.Clone();
            var linkWeight = new double[n];
            var seenBy = new int[n];
            Array.Fill(seenBy, -1);
            var neighbours = new List<int>();
            var order = Identity(n);
            random.Shuffle(order);
            var total = 0.0;
            var check = new CancellationCheck(cancellationToken);
            while (true)
            {
                CancellationCheck.Observe(cancellationToken);
                var gained = 0.0;
                foreach (var u in order)
                {
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
                    // Gain of joining c, times m and up to terms common to every c: k_u,in(c) − γ Σ_tot(c) k_u / 2m.
                    var ownGain = linkWeight[own] - (resolution * communityDegree[own] * degree / m2);
                    var best = own;
                    var bestGain = ownGain;
                    foreach (var c in neighbours)
                    {
                        var gain = linkWeight[c] - (resolution * communityDegree[c] * degree / m2);
                        if (gain > bestGain)
                        {
                            bestGain = gain;
                            best = c;
                        }
                    }
                    communityDegree[best] += degree;
                    if (best != own)
                    {
                        community[u] = best;
                        gained += (bestGain - ownGain) / m;
                    }
                    check.Add(Offsets[u + 1] - Offsets[u] + neighbours.Count);
                }
                total += gained;
                if (gained <= threshold)
                {
                    return (community, total);
                }
            }
        }

        /// <summary>One node per community; weights between communities summed, weights inside becoming self-loops.</summary>
        public WeightedGraph Aggregate(int[] community, int count, CancellationToken cancellationToken = default)
        {
            var check = new CancellationCheck(cancellationToken);
            var selfLoops = new double[count];
            var crossing = 0;
            for (var u = 0; u < NodeCount; u++)
            {
                for (var a = Offsets[u]; a < Offsets[u + 1]; a++)
                {
                    if (u < Targets[a] && community[u] != community[Targets[a]])
                    {
                        crossing++;
                    }
                }
                check.Add(Offsets[u + 1] - Offsets[u] + 1);
            }
            var starts = new int[crossing];
            var ends = new int[crossing];
            var weights = new double[crossing];
            var at = 0;
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
                        starts[at] = cu;
                        ends[at] = cv;
                        weights[at] = Weights[a];
                        at++;
                    }
                }
                check.Add(Offsets[u + 1] - Offsets[u] + 1);
            }
            return Merge(Adjacency.Build(count, starts, ends, weights, ProjectionDirection.Undirected, cancellationToken: cancellationToken), true, selfLoops, selfArcShare: 0, cancellationToken);
        }
    }
}
