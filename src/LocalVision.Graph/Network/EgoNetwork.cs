namespace LocalVision.Graph.Network;

/// <summary>The nodes within some hops of a centre, nearest first, and the relationships among them.</summary>
/// <param name="Nodes">Node indices in breadth-first order; the centre first.</param>
/// <param name="Hops">For each entry of <paramref name="Nodes"/>, its distance from the centre.</param>
/// <param name="Relationships">Relationship indices among the nodes (of the chosen types), each once, ascending; empty when not asked for.</param>
/// <param name="Truncated">True when the node limit stopped the expansion.</param>
public sealed record EgoNetwork(IReadOnlyList<int> Nodes, IReadOnlyList<int> Hops, IReadOnlyList<int> Relationships, bool Truncated)
{
    /// <summary>
    /// Expands breadth-first from <paramref name="center"/> up to <paramref name="depth"/> hops, entering only nodes of
    /// the given labels through relationships of the given types (null or empty: any), keeping at most
    /// <paramref name="limit"/> nodes, and (unless <paramref name="includeRelationships"/> is false) the relationships among them.
    /// </summary>
    public static EgoNetwork Expand(
        NetworkProjection projection, int center, int depth, IReadOnlyCollection<string>? labels = null,
        IReadOnlyCollection<string>? relationshipTypes = null, int limit = int.MaxValue, bool includeRelationships = true,
        CancellationToken cancellationToken = default)
    {
        NetworkPaths.CheckNode(projection, center, nameof(center));
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var allowedLabels = Allowed(projection.LabelNames, labels);
        var allowedTypes = Allowed(projection.TypeNames, relationshipTypes);
        var adjacency = projection.Out;
        var hop = new int[projection.NodeCount];
        Array.Fill(hop, -1);
        hop[center] = 0;
        var order = new int[Math.Min(projection.NodeCount, limit)];
        order[0] = center;
        var count = 1;
        var truncated = false;
        for (var head = 0; head < count && !truncated; head++)
        {
            if ((head & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var u = order[head];
            var next = hop[u] + 1;
            if (next > depth)
            {
                continue;
            }
            for (int a = adjacency.Offsets[u], end = adjacency.Offsets[u + 1]; a < end; a++)
            {
                var v = adjacency.Targets[a];
                if (hop[v] >= 0
                    || (allowedTypes is not null && !allowedTypes[projection.TypeIdOf(adjacency.Relationships[a])])
                    || (allowedLabels is not null && !allowedLabels[projection.LabelIdOf(v)]))
                {
                    continue;
                }
                if (count == order.Length)
                {
                    truncated = true;
                    break;
                }
                hop[v] = next;
                order[count++] = v;
            }
        }
        Array.Resize(ref order, count);
        var hops = new int[count];
        for (var i = 0; i < count; i++)
        {
            hops[i] = hop[order[i]];
        }
        if (!includeRelationships)
        {
            return new EgoNetwork(order, hops, [], truncated);
        }
        var relationships = new List<int>();
        var undirected = projection.Direction == ProjectionDirection.Undirected;
        foreach (var u in order)
        {
            for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
            {
                var v = adjacency.Targets[a];
                var r = adjacency.Relationships[a];
                // An undirected relationship is two arcs: keep the one leaving its start (a self-loop's first arc).
                if (hop[v] >= 0
                    && (!undirected || (u == projection.StartOf(r) && (u != v || a == 0 || adjacency.Relationships[a - 1] != r)))
                    && (allowedTypes is null || allowedTypes[projection.TypeIdOf(r)]))
                {
                    relationships.Add(r);
                }
            }
        }
        relationships.Sort();
        return new EgoNetwork(order, hops, relationships.ToArray(), truncated);
    }

    /// <summary>Which ids of a vocabulary are allowed; null when everything is (no filter given).</summary>
    internal static bool[]? Allowed(IReadOnlyList<string> vocabulary, IReadOnlyCollection<string>? chosen)
    {
        if (chosen is null || chosen.Count == 0)
        {
            return null;
        }
        var set = chosen.ToHashSet(StringComparer.Ordinal);
        return vocabulary.Select(set.Contains).ToArray();
    }
}
