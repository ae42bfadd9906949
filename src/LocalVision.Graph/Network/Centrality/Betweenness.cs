namespace LocalVision.Graph.Network;

public static partial class Centrality
{
    /// <summary>Exact betweenness (Brandes), by hops or, when <paramref name="weighted"/>, by weights (Dijkstra).</summary>
    public static double[] Betweenness(NetworkProjection projection, bool normalized = true, bool? weighted = null, CancellationToken cancellationToken = default)
    {
        var raw = Dependencies(projection, Enumerable.Range(0, projection.NodeCount).ToArray(), null, weighted ?? projection.IsWeighted, cancellationToken);
        Rescale(raw, BetweennessScale(projection, normalized));
        return raw;
    }

    private static double BetweennessScale(NetworkProjection projection, bool normalized)
    {
        var n = projection.NodeCount;
        if (normalized)
        {
            return n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1.0;
        }
        return projection.Direction == ProjectionDirection.Undirected ? 0.5 : 1.0;
    }

    /// <summary>Σ over sources of Brandes dependencies; with groups, only pairs whose ends are in different groups count.</summary>
    private static double[] Dependencies(NetworkProjection projection, int[] sources, int[]? groups, bool weighted, CancellationToken cancellationToken)
    {
        var n = projection.NodeCount;
        if (n == 0 || sources.Length == 0)
        {
            return new double[n];
        }
        _ = projection.In;
        return SourceParallel.Accumulate(n, sources, () => new Brandes(projection, weighted, groups, cancellationToken),
            (worker, source, accumulator) => worker.Accumulate(source, accumulator), cancellationToken);
    }

    /// <summary>Per node, Σ over sources of Brandes dependencies (entries 0..n-1) and of their squares (n..2n-1).</summary>
    private static double[] DependenciesWithSquares(NetworkProjection projection, int[] sources, int[]? groups, bool weighted, CancellationToken cancellationToken)
    {
        var n = projection.NodeCount;
        if (n == 0 || sources.Length == 0)
        {
            return new double[2 * n];
        }
        _ = projection.In;
        return SourceParallel.Accumulate(2 * n, sources, () => new Brandes(projection, weighted, groups, cancellationToken),
            (worker, source, accumulator) => worker.Accumulate(source, accumulator), cancellationToken);
    }
}
