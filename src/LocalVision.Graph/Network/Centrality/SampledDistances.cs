namespace LocalVision.Graph.Network;

public static partial class Centrality
{
    /// <summary>
    /// Closeness estimated from <paramref name="pivots"/> sources drawn without replacement (seeded), after
    /// Eppstein–Wang: a node's count of nodes reaching it and its sum of distances are each estimated from the sampled
    /// sources other than itself, scaled to the n-1 other nodes; the score is closeness of those estimates. Each score's
    /// standard error is the delta-method one of that ratio; there is no error bound (<see cref="CentralityResult.ErrorBound"/> 0).
    /// All sources (pivots ≥ n) give the exact scores.
    /// </summary>
    public static CentralityResult SampledCloseness(
        NetworkProjection projection, int pivots, int seed, bool? weighted = null, CancellationToken cancellationToken = default) =>
        SampledDistanceScores(projection, pivots, seed, weighted ?? projection.IsWeighted, harmonic: false, 0.05, cancellationToken);

    /// <summary>
    /// Harmonic centrality estimated from <paramref name="pivots"/> sources drawn without replacement (seeded): Σ 1/d
    /// over the sampled sources other than the node, scaled by (n-1)/their number, with each score's standard error
    /// and a Hoeffding bound (union over the nodes, confidence 1 - <paramref name="failureProbability"/>): every term
    /// 1/d lies in [0, 1/w], w the smallest positive weight (1 by hops).
    /// </summary>
    public static CentralityResult SampledHarmonic(
        NetworkProjection projection, int pivots, int seed, bool? weighted = null, double failureProbability = 0.05,
        CancellationToken cancellationToken = default) =>
        SampledDistanceScores(projection, pivots, seed, weighted ?? projection.IsWeighted, harmonic: true, failureProbability, cancellationToken);

    private static CentralityResult SampledDistanceScores(
        NetworkProjection projection, int pivots, int seed, bool weighted, bool harmonic, double failureProbability, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failureProbability);
        var n = projection.NodeCount;
        var scores = new double[n];
        var errors = new double[n];
        if (n < 2)
        {
            return new CentralityResult(scores, errors, 0, n);
        }
        var chosen = SampleSources(Enumerable.Range(0, n).ToArray(), pivots, seed);
        var adjacency = projection.Out;
        var sums = SourceParallel.Accumulate(5 * n, chosen, () => new DistanceWorker(n, cancellationToken),
            (worker, source, accumulator) => worker.AccumulateFrom(adjacency, source, weighted, accumulator), cancellationToken);
        var sampled = new bool[n];
        foreach (var s in chosen)
        {
            sampled[s] = true;
        }
        var others = n - 1.0;
        for (var v = 0; v < n; v++)
        {
            // The sampled sources other than v are a uniform sample of the n-1 nodes whose distances to v count.
            var k = chosen.Length - (sampled[v] ? 1 : 0);
            var finite = k < others;
            if (harmonic)
            {
                var mean = k == 0 ? 0 : sums[(3 * n) + v] / k;
                scores[v] = others * mean;
                errors[v] = StandardErrorOfMean(k, others, mean, sums[(4 * n) + v], finite) * others;
            }
            else
            {
                (scores[v], errors[v]) = ClosenessOfSample(k, others, sums[v], sums[n + v], sums[(2 * n) + v], finite);
            }
        }
        var bound = 0.0;
        if (harmonic && chosen.Length < n)
        {
            // The worst node has k-1 sampled sources; its mean of terms in [0, 1/w] is within eps/w of the truth.
            var eps = Math.Sqrt(Math.Log(2.0 * n / failureProbability) / (2.0 * (chosen.Length - 1)));
            bound = eps * others / (weighted ? SmallestPositiveWeight(adjacency) : 1.0);
        }
        return new CentralityResult(scores, errors, bound, chosen.Length);
    }

    /// <summary>
    /// Closeness ā²/b̄ from k sampled sources (ā the share reaching the node, b̄ the mean distance, unreached as 0) and
    /// its delta-method standard error (without replacement from <paramref name="others"/>).
    /// </summary>
    private static (double Score, double Error) ClosenessOfSample(int k, double others, double reached, double sum, double sumOfSquares, bool finite)
    {
        if (k == 0 || sum <= 0)
        {
            return (0, k < 2 && finite ? double.NaN : 0);
        }
        var a = reached / k;
        var b = sum / k;
        var score = a * a / b;
        if (!finite)
        {
            return (score, 0);
        }
        if (k < 2)
        {
            return (score, double.NaN);
        }
        // a_s is 0 or 1 and b_s > 0 only where a_s = 1, so Σa² = Σa and Σab = Σb.
        var varA = Math.Max(0, (reached - (k * a * a)) / (k - 1));
        var varB = Math.Max(0, (sumOfSquares - (k * b * b)) / (k - 1));
        var cov = (sum - (k * a * b)) / (k - 1);
        var ga = 2 * a / b;
        var gb = -a * a / (b * b);
        var variance = Math.Max(0, (ga * ga * varA) + (2 * ga * gb * cov) + (gb * gb * varB));
        return (score, Math.Sqrt(variance / k * (1 - (k / others))));
    }

    /// <summary>The standard error of a mean of k draws without replacement from a population of <paramref name="population"/>.</summary>
    private static double StandardErrorOfMean(int k, double population, double mean, double sumOfSquares, bool finite)
    {
        if (!finite)
        {
            return 0;
        }
        if (k < 2)
        {
            return double.NaN;
        }
        var variance = Math.Max(0, (sumOfSquares - (k * mean * mean)) / (k - 1));
        return Math.Sqrt(variance / k * (1 - (k / population)));
    }

    private static double SmallestPositiveWeight(Adjacency adjacency)
    {
        var smallest = double.PositiveInfinity;
        foreach (var w in adjacency.Weights)
        {
            if (w > 0 && w < smallest)
            {
                smallest = w;
            }
        }
        return double.IsPositiveInfinity(smallest) ? 1.0 : smallest;
    }
}
