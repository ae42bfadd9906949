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
        double failureProbability = 0.05, CancellationToken cancellationToken = default) =>
        SampledDependencies(projection, Enumerable.Range(0, projection.NodeCount).ToArray(), null, BetweennessScale(projection, normalized),
            pivots, seed, weighted ?? projection.IsWeighted, failureProbability, cancellationToken);

    /// <summary>
    /// <paramref name="pivots"/> of <paramref name="pool"/> drawn without replacement (a seeded partial Fisher–Yates
    /// shuffle), in ascending order, so that the same seed always picks the same sources.
    /// </summary>
    internal static int[] SampleSources(int[] pool, int pivots, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pivots, 1);
        pivots = Math.Min(pivots, pool.Length);
        var sources = pool.ToArray();
        var random = new Random(seed);
        for (var i = 0; i < pivots; i++)
        {
            var j = random.Next(i, sources.Length);
            (sources[i], sources[j]) = (sources[j], sources[i]);
        }
        var chosen = sources[..pivots];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>
    /// Brandes dependencies summed over a sample of <paramref name="pool"/> and scaled by |pool|/pivots·<paramref name="scale"/>
    /// (with <paramref name="groups"/>, only pairs across groups count, as brokerage does).
    /// </summary>
    private static SampledBetweenness SampledDependencies(
        NetworkProjection projection, int[] pool, int[]? groups, double scale, int pivots, int seed, bool weighted,
        double failureProbability, CancellationToken cancellationToken)
    {
        var n = projection.NodeCount;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failureProbability);
        var chosen = pool.Length == 0 ? [] : SampleSources(pool, pivots, seed);
        pivots = chosen.Length;
        var m = pool.Length;
        var sums = DependenciesWithSquares(projection, chosen, groups, weighted, cancellationToken);
        var raw = new double[n];
        var errors = new double[n];
        // With x_s = m·scale·δ_s(v) for a sampled source s of the m in the pool, the score is the mean of the x_s and
        // its standard error is that of a mean of k draws without replacement from m: √(s²/k · (1 − k/m)), s² the sample variance.
        var unit = scale * m;
        for (var v = 0; v < n && pivots > 0; v++)
        {
            var mean = sums[v] / pivots;
            raw[v] = mean * unit;
            if (pivots == m)
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
                errors[v] = unit * Math.Sqrt(variance / pivots * (1 - ((double)pivots / m)));
            }
        }
        // Each source adds at most n-2 to a node, so X = dependency/(n-2) lies in [0, 1]; Hoeffding on its sample mean,
        // with a union bound over n nodes, gives |error of the mean| <= eps; the estimate is that mean times m(n-2)·scale.
        var eps = pivots == m || pivots == 0 ? 0 : Math.Sqrt(Math.Log(2.0 * n / failureProbability) / (2.0 * pivots));
        var bound = n > 2 ? eps * m * (n - 2) * scale : 0;
        return new SampledBetweenness(raw, chosen, bound, 1 - failureProbability, errors);
    }
}
