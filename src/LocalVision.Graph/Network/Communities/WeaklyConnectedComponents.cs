namespace LocalVision.Graph.Network;

public static partial class Communities
{
    /// <summary>
    /// Weakly connected components, by union-find over the relationships (path halving; the lower root wins, so each
    /// component's root is its lowest node). Three arrays in all and nothing allocated per node or relationship.
    /// </summary>
    public static CommunityResult WeaklyConnectedComponents(NetworkProjection projection, CancellationToken cancellationToken = default)
    {
        var n = projection.NodeCount;
        var membership = Identity(n);
        var check = new CancellationCheck(cancellationToken);
        for (var r = 0; r < projection.RelationshipCount; r++)
        {
            check.Add(1);
            var a = Find(membership, projection.StartOf(r));
            var b = Find(membership, projection.EndOf(r));
            if (a < b)
            {
                membership[b] = a;
            }
            else if (b < a)
            {
                membership[a] = b;
            }
        }
        // Every parent is at or below its child, so in node order a node's parent already holds its component's id:
        // the array turns from parents into ids in one pass, ids in order of each component's lowest node.
        var count = 0;
        for (var v = 0; v < n; v++)
        {
            membership[v] = membership[v] == v ? count++ : membership[membership[v]];
        }
        return new CommunityResult(membership, count, ComponentModularity(projection, membership, count, cancellationToken));
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

    /// <summary>
    /// The modularity of the components, equal to <see cref="Modularity"/> of them without building the weighted
    /// graph: every tie lies inside its component, so L_c = d_c / 2 and Q = Σ_c s_c (1 − s_c) with s_c = d_c / 2m.
    /// A component's degree d_c sums the weights of its nodes' arcs; a directed arc counts at both of its ends.
    /// </summary>
    private static double ComponentModularity(NetworkProjection projection, int[] membership, int count, CancellationToken cancellationToken)
    {
        var check = new CancellationCheck(cancellationToken);
        var arcs = projection.Out;
        var degree = new double[count];
        for (var u = 0; u < membership.Length; u++)
        {
            if (projection.IsWeighted)
            {
                var sum = 0.0;
                for (var a = arcs.Offsets[u]; a < arcs.Offsets[u + 1]; a++)
                {
                    sum += arcs.Weights[a];
                }
                degree[membership[u]] += sum;
            }
            else
            {
                degree[membership[u]] += arcs.Offsets[u + 1] - arcs.Offsets[u];
            }
            check.Add(arcs.Offsets[u + 1] - arcs.Offsets[u] + 1);
        }
        var ends = projection.Direction == ProjectionDirection.Undirected ? 1 : 2;
        var twiceM = degree.Sum() * ends;
        if (twiceM == 0)
        {
            return 0;
        }
        var q = 0.0;
        foreach (var d in degree)
        {
            var share = d * ends / twiceM;
            q += share * (1 - share);
        }
        return q;
    }
}
