namespace LocalVision.Graph.Network;

public static partial class NetworkAnalysis
{
    /// <summary>
    /// The nodes of the scope (all when null) that reach the rest of it only through <paramref name="removed"/>: the
    /// parts its neighbours fall into once it is gone, less the largest of them ("the rest"; the first found of equal
    /// size), by name in ordinal order.
    /// </summary>
    private static IReadOnlyList<string> CutOff(NetworkProjection projection, IReadOnlyCollection<int>? scope, int removed, CancellationToken cancellationToken)
    {
        var n = projection.NodeCount;
        bool[]? members = null;
        if (scope is not null)
        {
            members = new bool[n];
            foreach (var v in scope)
            {
                members[v] = true;
            }
        }
        bool InScope(int node) => node != removed && (members is null || members[node]);
        var part = new int[n];
        Array.Fill(part, -1);
        var reached = new List<int>();
        var sizes = new List<int>();
        var check = new CancellationCheck(cancellationToken);
        foreach (var start in projection.Neighbors(removed))
        {
            if (!InScope(start) || part[start] >= 0)
            {
                continue;
            }
            var id = sizes.Count;
            var first = reached.Count;
            part[start] = id;
            reached.Add(start);
            // The part's nodes are appended to `reached` as they are found: the list is the queue too.
            for (var head = first; head < reached.Count; head++)
            {
                var node = reached[head];
                foreach (var next in projection.Neighbors(node))
                {
                    if (part[next] < 0 && InScope(next))
                    {
                        part[next] = id;
                        reached.Add(next);
                    }
                }
                check.Add(projection.Degree(node) + 1);
            }
            sizes.Add(reached.Count - first);
        }
        if (sizes.Count == 0)
        {
            return [];
        }
        var largest = sizes.IndexOf(sizes.Max());
        var names = new List<string>();
        foreach (var node in reached)
        {
            if (part[node] != largest)
            {
                names.Add(projection.NameOf(node));
            }
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
