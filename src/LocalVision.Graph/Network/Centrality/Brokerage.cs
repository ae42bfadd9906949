namespace LocalVision.Graph.Network;

public static partial class Centrality
{
    /// <summary>
    /// Cross-sector brokerage: betweenness counting only shortest paths whose two endpoints are in different groups.
    /// By default a node's group is its <c>kind</c> when it is a Partner (other nodes are never endpoints), so the score
    /// says who sits between partners of different sectors. Raw pair counts (each unordered pair once when undirected).
    /// </summary>
    /// <param name="groupOf">Per node, its group, or -1 when paths from or to it do not count.</param>
    public static double[] Brokerage(NetworkProjection projection, Func<int, int>? groupOf = null, bool? weighted = null, CancellationToken cancellationToken = default)
    {
        var n = projection.NodeCount;
        var groups = new int[n];
        var partner = projection.LabelNames.ToList().IndexOf(Schema.Labels.Partner);
        for (var v = 0; v < n; v++)
        {
            groups[v] = groupOf is not null ? groupOf(v) : projection.LabelIdOf(v) == partner ? projection.KindIdOf(v) : -1;
        }
        var sources = Enumerable.Range(0, n).Where(v => groups[v] >= 0).ToArray();
        var raw = Dependencies(projection, sources, groups, weighted ?? projection.IsWeighted, cancellationToken);
        Rescale(raw, projection.Direction == ProjectionDirection.Undirected ? 0.5 : 1.0);
        return raw;
    }
}
