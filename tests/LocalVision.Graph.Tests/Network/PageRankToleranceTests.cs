using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>
/// PageRank's default stopping tolerance against igraph's converged order. The reference is python3-igraph 0.10.2's
/// <c>Graph.pagerank</c> (PRPACK, which solves the system rather than iterating) on a graph both sides generate the
/// same way; Reference/pagerank_tolerance.py makes it and also runs the check at 100k nodes
/// (Reference/pagerank_tolerance_100k.txt), which is too slow for a unit test.
/// </summary>
public sealed class PageRankToleranceTests
{
    /// <summary>igraph's top 10 on <see cref="Generate"/>(5000, 2, 3), highest first.</summary>
    private static readonly int[] IgraphTopTen = [16, 1, 11, 76, 20, 149, 32, 5, 158, 71];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void DefaultTolerance_GeneratedGraph_TopTenMatchesIgraph()
    {
        var projection = Generate(5000, 2, 3);

        var scores = Centrality.Compute(projection, CentralityMeasure.PageRank, CentralityOptions.Default, Ct).Scores;

        Assert.Equal(IgraphTopTen, TopTen(scores));
    }

    [Fact]
    public void NetworkxStoppingRule_GeneratedGraph_StopsBeforeTheTopTenSettles()
    {
        // The rule the service used before (total change below n·1e-6): the default matters on this graph.
        var projection = Generate(5000, 2, 3);

        var early = Centrality.PageRank(projection, tolerance: 1e-6, cancellationToken: Ct);
        var converged = Centrality.Compute(projection, CentralityMeasure.PageRank, CentralityOptions.Default, Ct).Scores;

        Assert.NotEqual(IgraphTopTen, TopTen(early.Scores));
        Assert.True(early.Iterations < 20, $"{early.Iterations} iterations");
        Assert.Equal(1.0, converged.Sum(), 12);
    }

    [Fact]
    public void Tolerance_Tighter_TakesMoreIterationsAndMovesTheScoresLess()
    {
        var projection = Generate(2000, 3, 7);

        var loose = Centrality.Compute(projection, CentralityMeasure.PageRank, new CentralityOptions(PageRankTolerance: 1e-4), Ct).Scores;
        var tight = Centrality.Compute(projection, CentralityMeasure.PageRank, new CentralityOptions(PageRankTolerance: 1e-12), Ct).Scores;
        var tighter = Centrality.Compute(projection, CentralityMeasure.PageRank, new CentralityOptions(PageRankTolerance: 1e-14), Ct).Scores;

        var looseError = loose.Zip(tighter).Sum(p => Math.Abs(p.First - p.Second));
        var tightError = tight.Zip(tighter).Sum(p => Math.Abs(p.First - p.Second));
        Assert.True(tightError < 1e-11 && looseError > 1e-6, $"L1 distance to the 1e-14 answer: {looseError} at 1e-4, {tightError} at 1e-12");
    }

    /// <summary>
    /// Grows a graph node by node, each new node v tied to up to <paramref name="m"/> earlier nodes picked uniformly
    /// by a 64-bit LCG (Knuth's MMIX constants), duplicates skipped; identical to generate(n, m, seed, False) in
    /// Reference/pagerank_tolerance.py.
    /// </summary>
    private static NetworkProjection Generate(int n, int m, ulong seed)
    {
        var x = seed;
        ulong Next()
        {
            x = unchecked((x * 6364136223846793005UL) + 1442695040888963407UL);
            return x >> 33;
        }
        var builder = new NetworkBuilder(ProjectionDirection.Undirected);
        for (var v = 0; v < n; v++)
        {
            builder.AddNode($"n/{v:D5}", "Partner");
        }
        var seen = new HashSet<(int, int)>();
        for (var v = 1; v < n; v++)
        {
            for (var t = 0; t < Math.Min(m, v); t++)
            {
                _ = Next();
                var u = (int)(Next() % (ulong)v);
                if (seen.Add((u, v)))
                {
                    builder.AddRelationship(u, v, "COLLABORATES_WITH");
                }
            }
        }
        return builder.Build();
    }

    private static int[] TopTen(double[] scores) =>
        Enumerable.Range(0, scores.Length).OrderByDescending(v => scores[v]).ThenBy(v => v).Take(10).ToArray();
}
