namespace LocalVision.Graph.Network;

/// <summary>Betweenness estimated from a sample of sources, with the error it may carry.</summary>
/// <param name="Scores">Estimated betweenness per node, in the same units as exact betweenness with the same options.</param>
/// <param name="Pivots">The sources sampled.</param>
/// <param name="ErrorBound">With probability at least <paramref name="Confidence"/>, every node's estimate is within this of its exact value (Hoeffding's inequality with a union bound over the nodes).</param>
/// <param name="StandardErrors">
/// Per node, the estimated standard error of its score: the spread of its per-source dependencies over the sample,
/// s·√((1 − k/n)/k) scaled as the score is (k sources drawn without replacement from n); 0 when every source was
/// used, NaN when one source was (a spread needs two).
/// </param>
public sealed record SampledBetweenness(double[] Scores, IReadOnlyList<int> Pivots, double ErrorBound, double Confidence, double[] StandardErrors);

public static partial class Centrality
{
    /// <summary>
    /// Betweenness estimated from <paramref name="pivots"/> sources drawn without replacement (seeded), each source's
    /// dependencies scaled by n/pivots, with a bound on the error of every node at confidence 1 - <paramref name="failureProbability"/>
    /// and each node's standard error. The same seed and pivots on the same projection give the same answer.
    /// </summary>
    public static SampledBetweenness SampledBetweenness(
        NetworkProjection projection, int pivots, int seed, bool normalized = true, bool? weighted = null,
        double failureProbability = 0.05, CancellationToken cancellationToken = default)
    {
        var n = projection.NodeCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(pivots, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failureProbability);
        pivots = Math.Min(pivots, n);
        var sources = Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < pivots; i++)
        {
            var j = random.Next(i, n);
            (sources[i], sources[j]) = (sources[j], sources[i]);
        }
        var chosen = sources[..pivots];
        Array.Sort(chosen);
        var sums = DependenciesWithSquares(projection, chosen, weighted ?? projection.IsWeighted, cancellationToken);
        var scale = BetweennessScale(projection, normalized);
        var raw = new double[n];
        var errors = new double[n];
        // With x_s = n·scale·δ_s(v) for a sampled source s, the score is the mean of the x_s and its standard error is
        // that of a mean of k draws without replacement from n: √(s²/k · (1 − k/n)), s² the sample variance.
        var unit = scale * n;
        for (var v = 0; v < n; v++)
        {
            var mean = sums[v] / pivots;
            raw[v] = mean * unit;
            if (pivots == n)
            {
                errors[v] = 0;
            }
            else if (pivots < 2)
            {
                errors[v] = double.NaN;
            }
            else
            {
                var variance = Math.Max(0, (sums[n + v] - (pivots * mean * mean)) / (pivots - 1));
                errors[v] = unit * Math.Sqrt(variance / pivots * (1 - ((double)pivots / n)));
            }
        }
        // Each source adds at most n-2 to a node, so X = dependency/(n-2) lies in [0, 1]; Hoeffding on its sample mean,
        // with a union bound over n nodes, gives |error of the mean| <= eps; the estimate is that mean times n(n-2)·scale.
        var eps = pivots == n ? 0 : Math.Sqrt(Math.Log(2.0 * n / failureProbability) / (2.0 * pivots));
        var bound = n > 2 ? eps * n * (n - 2) * scale : 0;
        return new SampledBetweenness(raw, chosen, bound, 1 - failureProbability, errors);
    }
}
