namespace LocalVision.Graph.Network;

public static partial class Centrality
{
    /// <summary>Wasserman–Faust closeness over distances to each node: ((r-1)/Σd)·((r-1)/(n-1)), r counting the node and those that reach it.</summary>
    public static double[] Closeness(NetworkProjection projection, bool? weighted = null, CancellationToken cancellationToken = default) =>
        DistanceSums(projection, weighted ?? projection.IsWeighted, harmonic: false, cancellationToken);

    private static double[] DistanceSums(NetworkProjection projection, bool weighted, bool harmonic, CancellationToken cancellationToken)
    {
        var n = projection.NodeCount;
        var scores = new double[n];
        // Distances to u are distances from u along reversed arcs.
        var adjacency = projection.In;
        SourceParallel.ForEach(n, () => new DistanceWorker(n, cancellationToken), (worker, u) =>
        {
            var (reached, sum, inverseSum) = worker.Run(adjacency, u, weighted);
            if (harmonic)
            {
                scores[u] = inverseSum;
            }
            else if (sum > 0 && n > 1)
            {
                var r = reached - 1.0;
                scores[u] = r / sum * (r / (n - 1.0));
            }
        }, cancellationToken);
        return scores;
    }
}
