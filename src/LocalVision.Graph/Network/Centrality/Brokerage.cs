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
        var groups = BrokerageGroups(projection, groupOf);
        var raw = Dependencies(projection, BrokerageSources(groups), groups, weighted ?? projection.IsWeighted, cancellationToken);
        Rescale(raw, BrokerageScale(projection));
        return raw;
    }

    /// <summary>
    /// Brokerage estimated from <paramref name="pivots"/> of its sources (the nodes with a group) drawn without
    /// replacement (seeded), each source's dependencies scaled by sources/pivots; the error bound and standard errors
    /// are those of <see cref="SampledBetweenness(NetworkProjection, int, int, bool, bool?, double, CancellationToken)"/>, in pair counts.
    /// </summary>
    public static SampledBetweenness SampledBrokerage(
        NetworkProjection projection, int pivots, int seed, Func<int, int>? groupOf = null, bool? weighted = null,
        double failureProbability = 0.05, CancellationToken cancellationToken = default)
    {
        var groups = BrokerageGroups(projection, groupOf);
        return SampledDependencies(projection, BrokerageSources(groups), groups, BrokerageScale(projection), pivots, seed,
            weighted ?? projection.IsWeighted, failureProbability, cancellationToken);
    }

    private static double BrokerageScale(NetworkProjection projection) =>
        projection.Direction == ProjectionDirection.Undirected ? 0.5 : 1.0;

    private static int[] BrokerageSources(int[] groups) =>
        Enumerable.Range(0, groups.Length).Where(v => groups[v] >= 0).ToArray();

    private static int[] BrokerageGroups(NetworkProjection projection, Func<int, int>? groupOf)
    {
        var n = projection.NodeCount;
        var groups = new int[n];
        var partner = projection.LabelNames.ToList().IndexOf(Schema.Labels.Partner);
        for (var v = 0; v < n; v++)
        {
            groups[v] = groupOf is not null ? groupOf(v) : projection.LabelIdOf(v) == partner ? projection.KindIdOf(v) : -1;
        }
        return groups;
    }
}
