namespace LocalVision.Graph.Network;

/// <summary>How <see cref="Centrality.Compute(NetworkProjection, CentralityMeasure, CentralityOptions, CancellationToken)"/> computes a measure.</summary>
/// <param name="SampleSize">
/// Betweenness, brokerage, closeness and harmonic: estimate from this many sources drawn at random (seeded by <paramref name="Seed"/>) instead of
/// all of them; 0, or a number at least the node count, computes it exactly.
/// </param>
/// <param name="Seed">Which sample: the same seed and sample size on the same network give the same scores.</param>
/// <param name="PageRankTolerance">
/// PageRank stops when the total (L1) change of the scores in one iteration falls below this. The scores sum to 1, so
/// this bounds how far the whole vector still moves; see <see cref="DefaultPageRankTolerance"/>.
/// </param>
public sealed record CentralityOptions(int SampleSize = 0, int Seed = 0, double PageRankTolerance = CentralityOptions.DefaultPageRankTolerance)
{
    /// <summary>
    /// 1e-10: on generated 100k-node graphs the top-10 order then matches igraph's converged (PRPACK) order, which
    /// the rule networkx uses (change below n·1e-6) does not always give (see docs/network.md).
    /// </summary>
    public const double DefaultPageRankTolerance = 1e-10;

    /// <summary>Enough for any tolerance down to 1e-15 at damping 0.85 (the error shrinks at least 0.85 times per iteration).</summary>
    public const int PageRankIterations = 1000;

    public static CentralityOptions Default { get; } = new();
}

/// <summary>A measure's scores and, when they were estimated from a sample, how far they may be off.</summary>
/// <param name="Scores">Per node, its score.</param>
/// <param name="StandardErrors">Per node, the standard error of an estimated score; null when the scores are exact.</param>
/// <param name="ErrorBound">With an estimate, the Hoeffding bound every node's error stays within at 95% confidence; 0 when exact.</param>
/// <param name="Sources">With an estimate, how many sources were sampled; 0 when exact.</param>
public sealed record CentralityResult(double[] Scores, double[]? StandardErrors = null, double ErrorBound = 0, int Sources = 0)
{
    public bool IsEstimate => StandardErrors is not null;
}
