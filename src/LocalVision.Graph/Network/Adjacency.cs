namespace LocalVision.Graph.Network;

/// <summary>
/// Compressed sparse rows: the arcs leaving node <c>u</c> are <c>Offsets[u] .. Offsets[u + 1]</c> of the other arrays.
/// Within a node the arcs keep the order of the relationships they come from, so every traversal is deterministic.
/// </summary>
internal sealed class Adjacency(int[] offsets, int[] targets, int[] relationships, double[] weights)
{
    public readonly int[] Offsets = offsets;
    public readonly int[] Targets = targets;
    public readonly int[] Relationships = relationships;
    public readonly double[] Weights = weights;

    public int NodeCount => Offsets.Length - 1;

    public int ArcCount => Targets.Length;

    /// <summary>
    /// Lays out arcs by a counting sort on their source; stable, so arcs keep relationship order. With
    /// <see cref="MultiEdges.Merge"/> each node keeps one arc per neighbour, the cheapest (the first of equal costs),
    /// and no arc to itself.
    /// </summary>
    public static Adjacency Build(
        int nodeCount, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ReadOnlySpan<double> weights, ProjectionDirection direction,
        MultiEdges multiEdges = MultiEdges.Keep, CancellationToken cancellationToken = default)
    {
        var arcs = BuildAll(nodeCount, starts, ends, weights, direction, cancellationToken);
        return multiEdges == MultiEdges.Merge ? arcs.Merged(cancellationToken) : arcs;
    }

    private static Adjacency BuildAll(
        int nodeCount, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ReadOnlySpan<double> weights, ProjectionDirection direction,
        CancellationToken cancellationToken)
    {
        var check = new CancellationCheck(cancellationToken);
        var relationshipCount = starts.Length;
        var both = direction == ProjectionDirection.Undirected;
        var arcCount = both ? 2L * relationshipCount : relationshipCount;
        if (arcCount > Array.MaxLength)
        {
            throw new ArgumentException($"a projection holds at most {Array.MaxLength} arcs; this one would hold {arcCount}");
        }
        var reverse = direction == ProjectionDirection.Reverse;
        var offsets = new int[nodeCount + 1];
        for (var r = 0; r < relationshipCount; r++)
        {
            offsets[(reverse ? ends[r] : starts[r]) + 1]++;
            if (both)
            {
                offsets[ends[r] + 1]++;
            }
            check.Add(1);
        }
        for (var u = 0; u < nodeCount; u++)
        {
            offsets[u + 1] += offsets[u];
        }
        var targets = new int[arcCount];
        var relationships = new int[arcCount];
        var arcWeights = new double[arcCount];
        var next = new int[nodeCount];
        Array.Copy(offsets, next, nodeCount);
        for (var r = 0; r < relationshipCount; r++)
        {
            var (from, to) = reverse ? (ends[r], starts[r]) : (starts[r], ends[r]);
            var at = next[from]++;
            targets[at] = to;
            relationships[at] = r;
            arcWeights[at] = weights[r];
            if (both)
            {
                at = next[to]++;
                targets[at] = from;
                relationships[at] = r;
                arcWeights[at] = weights[r];
            }
            check.Add(1);
        }
        return new Adjacency(offsets, targets, relationships, arcWeights);
    }

    /// <summary>One arc per (node, neighbour), the cheapest of its parallel arcs, keeping first-seen order; self-arcs dropped.</summary>
    private Adjacency Merged(CancellationToken cancellationToken)
    {
        var n = NodeCount;
        var check = new CancellationCheck(cancellationToken);
        var offsets = new int[n + 1];
        var stamp = new int[n];
        var slot = new int[n];
        Array.Fill(stamp, -1);
        // Compacts in place: the write position never passes the read position.
        var write = 0;
        for (var u = 0; u < n; u++)
        {
            for (var a = Offsets[u]; a < Offsets[u + 1]; a++)
            {
                var v = Targets[a];
                if (v == u)
                {
                    continue;
                }
                if (stamp[v] == u)
                {
                    if (Weights[a] < Weights[slot[v]])
                    {
                        Weights[slot[v]] = Weights[a];
                        Relationships[slot[v]] = Relationships[a];
                    }
                    continue;
                }
                stamp[v] = u;
                slot[v] = write;
                Targets[write] = v;
                Relationships[write] = Relationships[a];
                Weights[write] = Weights[a];
                write++;
            }
            offsets[u + 1] = write;
            check.Add(Offsets[u + 1] - Offsets[u] + 1);
        }
        return write == ArcCount
            ? new Adjacency(offsets, Targets, Relationships, Weights)
            : new Adjacency(offsets, Targets[..write], Relationships[..write], Weights[..write]);
    }

    /// <summary>The same arcs turned round: who points at each node.</summary>
    public Adjacency Transpose()
    {
        var n = NodeCount;
        var offsets = new int[n + 1];
        foreach (var t in Targets)
        {
            offsets[t + 1]++;
        }
        for (var u = 0; u < n; u++)
        {
            offsets[u + 1] += offsets[u];
        }
        var targets = new int[ArcCount];
        var relationships = new int[ArcCount];
        var weights = new double[ArcCount];
        var next = new int[n];
        Array.Copy(offsets, next, n);
        for (var u = 0; u < n; u++)
        {
            for (var a = Offsets[u]; a < Offsets[u + 1]; a++)
            {
                var at = next[Targets[a]]++;
                targets[at] = u;
                relationships[at] = Relationships[a];
                weights[at] = Weights[a];
            }
        }
        return new Adjacency(offsets, targets, relationships, weights);
    }
}
