namespace LocalVision.Graph.Network;

public static partial class Communities
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

    private static int Find(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
