namespace LocalVision.Graph.Network;

public static partial class NetworkPaths
{
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
}
