namespace LocalVision.Graph.Network;

/// <summary>
/// Centrality measures on a projection. Definitions follow networkx, so results can be checked against it:
/// betweenness excludes endpoints and is normalised by (n-1)(n-2); closeness is Wasserman–Faust's (scaled by the
/// reachable fraction) over distances to the node; harmonic is the unnormalised sum of 1/d over distances to the node.
/// One measure per file in this folder (Degree.cs, Betweenness.cs, PageRank.cs, …), the shared Brandes and distance
/// workers in files of their own; this part holds the entry point, ranking and the helpers every measure uses.
/// </summary>
public static partial class Centrality
{
    /// <summary>
    /// One measure with its defaults: normalised degree and betweenness, closeness, harmonic, PageRank (damping 0.85,
    /// to <see cref="CentralityOptions.DefaultPageRankTolerance"/>) and raw brokerage counts. Weighted where the projection is.
    /// </summary>
    public static double[] Compute(NetworkProjection projection, CentralityMeasure measure, CancellationToken cancellationToken = default) =>
        Compute(projection, measure, CentralityOptions.Default, cancellationToken).Scores;

    /// <summary>
    /// One measure, weighted where the projection is (weights as costs for the path-based measures — betweenness,
    /// closeness, harmonic, brokerage — and as strengths for degree and PageRank); betweenness sampled when
    /// <see cref="CentralityOptions.SampleSize"/> asks for fewer sources than there are nodes; so are closeness, harmonic and brokerage.
    /// </summary>
    public static CentralityResult Compute(NetworkProjection projection, CentralityMeasure measure, CentralityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SampleSize > 0 && options.SampleSize < projection.NodeCount)
        {
            var seed = options.Seed;
            switch (measure)
            {
                case CentralityMeasure.Betweenness:
                    return FromSample(SampledBetweenness(projection, options.SampleSize, seed, cancellationToken: cancellationToken));
                case CentralityMeasure.Brokerage:
                    return FromSample(SampledBrokerage(projection, options.SampleSize, seed, cancellationToken: cancellationToken));
                case CentralityMeasure.Closeness:
                    return SampledCloseness(projection, options.SampleSize, seed, cancellationToken: cancellationToken);
                case CentralityMeasure.Harmonic:
                    return SampledHarmonic(projection, options.SampleSize, seed, cancellationToken: cancellationToken);
            }
        }
        return new CentralityResult(measure switch
        {
            CentralityMeasure.Degree => Degree(projection, weighted: projection.IsWeighted),
            CentralityMeasure.Betweenness => Betweenness(projection, cancellationToken: cancellationToken),
            CentralityMeasure.Closeness => Closeness(projection, cancellationToken: cancellationToken),
            CentralityMeasure.Harmonic => Harmonic(projection, cancellationToken: cancellationToken),
            // PageRank's own tolerance is per node (networkx's rule: total change below n·tolerance).
            CentralityMeasure.PageRank => PageRank(projection, iterations: CentralityOptions.PageRankIterations,
                tolerance: options.PageRankTolerance / Math.Max(1, projection.NodeCount), weighted: projection.IsWeighted, cancellationToken: cancellationToken).Scores,
            CentralityMeasure.Brokerage => Brokerage(projection, cancellationToken: cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "unknown centrality measure"),
        });
    }

    private static CentralityResult FromSample(SampledBetweenness sampled) =>
        new(sampled.Scores, sampled.StandardErrors, sampled.ErrorBound, sampled.Pivots.Count);

    /// <summary>The highest <paramref name="top"/> scores, highest first; ties ordered by name and sharing a rank.</summary>
    /// <remarks>
    /// A selection, not a sort: the <paramref name="top"/> best are kept in a heap whose root is the worst of them, so
    /// a million scores for a top 10 cost a pass and a few comparisons, with the token observed as the pass goes.
    /// </remarks>
    public static IReadOnlyList<CentralityScore> Rank(
        NetworkProjection projection, IReadOnlyList<double> scores, int top = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        // Before: higher score, then lower name; NaN after every number, as Comparer<double> orders it.
        int Before(int a, int b)
        {
            var byScore = scores[b].CompareTo(scores[a]);
            return byScore != 0 ? byScore : string.CompareOrdinal(projection.NameOf(a), projection.NameOf(b));
        }
        var keep = Math.Min(top, scores.Count);
        var kept = new PriorityQueue<int, int>(keep, Comparer<int>.Create((a, b) => Before(b, a)));
        var check = new CancellationCheck(cancellationToken);
        for (var v = 0; v < scores.Count && keep > 0; v++)
        {
            if (kept.Count < keep)
            {
                kept.Enqueue(v, v);
            }
            else if (Before(v, kept.Peek()) < 0)
            {
                kept.EnqueueDequeue(v, v);
            }
            check.Add(1);
        }
        // The heap gives the kept nodes worst first.
        var order = new int[kept.Count];
        for (var i = order.Length - 1; i >= 0; i--)
        {
            order[i] = kept.Dequeue();
            check.Add(1);
        }
        var ranked = new List<CentralityScore>(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            var rank = i > 0 && scores[order[i]] == scores[order[i - 1]] ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new CentralityScore(order[i], projection.NameOf(order[i]), scores[order[i]], rank));
        }
        return ranked;
    }

    private static void Rescale(double[] values, double scale)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= scale;
        }
    }

    internal static double[] Fill(double[] array, double value)
    {
        Array.Fill(array, value);
        return array;
    }
}
