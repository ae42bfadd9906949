using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>Known answers; the karate-club values are networkx 2.8's.</summary>
public sealed class CentralityTests
{
    private const int Precision = 12;

    [Fact]
    public void Betweenness_Karate_MatchesNetworkx()
    {
        var scores = Centrality.Betweenness(TextbookGraphs.Karate(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.43763528138528146, scores[0], Precision);
        Assert.Equal(0.30407497594997596, scores[33], Precision);
        Assert.Equal(0.145247113997114, scores[32], Precision);
        Assert.Equal(0.14365680615680618, scores[2], Precision);
    }

    [Fact]
    public void Betweenness_Star_CentreIsOneLeavesZero()
    {
        var scores = Centrality.Betweenness(TextbookGraphs.Star(6), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1.0, scores[0], Precision);
        Assert.All(scores.Skip(1), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Betweenness_PathUnnormalized_CountsPairsThrough()
    {
        // On a path of 5, node i lies between i·(4-i) pairs.
        var scores = Centrality.Betweenness(TextbookGraphs.Path(5), normalized: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 3, 4, 3, 0], scores);
    }

    [Fact]
    public void Betweenness_Complete_AllZero()
    {
        Assert.All(Centrality.Betweenness(TextbookGraphs.Complete(6), cancellationToken: TestContext.Current.CancellationToken), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Betweenness_CycleOfFour_SplitsBetweenTwoShortestPaths()
    {
        // Each node is on one of the two shortest paths of the opposite pair: 1/2.
        var scores = Centrality.Betweenness(TextbookGraphs.Cycle(4), normalized: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(scores, s => Assert.Equal(0.5, s, Precision));
    }

    [Fact]
    public void Betweenness_Weighted_MatchesNetworkx()
    {
        var projection = TextbookGraphs.FromWeightedEdges(4, [(0, 1, 1), (1, 2, 1), (0, 2, 3), (2, 3, 1), (1, 3, 5)]);

        var scores = Centrality.Betweenness(projection, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, scores[0]);
        Assert.Equal(2.0 / 3, scores[1], Precision);
        Assert.Equal(2.0 / 3, scores[2], Precision);
        Assert.Equal(0, scores[3]);
    }

    [Fact]
    public void Betweenness_Directed_CountsOrderedPairs()
    {
        // 0 -> 1 -> 2: only the pair (0, 2) passes through 1.
        var projection = TextbookGraphs.FromEdges(3, [(0, 1), (1, 2)], ProjectionDirection.Directed);

        var scores = Centrality.Betweenness(projection, normalized: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 1, 0], scores);
    }

    [Fact]
    public void Betweenness_SameInput_SameBitsEveryRun()
    {
        var projection = TextbookGraphs.Karate();

        var first = Centrality.Betweenness(projection, cancellationToken: TestContext.Current.CancellationToken);
        var second = Centrality.Betweenness(projection, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Betweenness_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Centrality.Betweenness(TextbookGraphs.Karate(), cancellationToken: cancellation.Token));
    }

    [Fact]
    public void SampledBetweenness_AllPivots_IsExact()
    {
        var projection = TextbookGraphs.Karate();

        var sampled = Centrality.SampledBetweenness(projection, pivots: 34, seed: 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, sampled.ErrorBound);
        Assert.Equal(Centrality.Betweenness(projection, cancellationToken: TestContext.Current.CancellationToken).Select(s => Math.Round(s, Precision)), sampled.Scores.Select(s => Math.Round(s, Precision)));
    }

    [Fact]
    public void SampledBetweenness_FewPivots_WithinStatedBound()
    {
        var projection = TextbookGraphs.Karate();
        var exact = Centrality.Betweenness(projection, cancellationToken: TestContext.Current.CancellationToken);

        var sampled = Centrality.SampledBetweenness(projection, pivots: 12, seed: 7, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(12, sampled.Pivots.Count);
        Assert.Equal(0.95, sampled.Confidence, Precision);
        Assert.InRange(sampled.ErrorBound, 0.01, 2);
        Assert.All(Enumerable.Range(0, 34), v => Assert.InRange(Math.Abs(sampled.Scores[v] - exact[v]), 0, sampled.ErrorBound));
    }

    [Fact]
    public void SampledBetweenness_SameSeed_SamePivots()
    {
        var projection = TextbookGraphs.Karate();

        var a = Centrality.SampledBetweenness(projection, 8, seed: 3, cancellationToken: TestContext.Current.CancellationToken);
        var b = Centrality.SampledBetweenness(projection, 8, seed: 3, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(a.Pivots, b.Pivots);
        Assert.Equal(a.Scores, b.Scores);
    }

    [Fact]
    public void Closeness_Karate_MatchesNetworkx()
    {
        var scores = Centrality.Closeness(TextbookGraphs.Karate(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.5689655172413793, scores[0], Precision);
        Assert.Equal(0.55, scores[33], Precision);
        Assert.Equal(0.36666666666666664, scores[11], Precision);
    }

    [Fact]
    public void Closeness_Disconnected_ScaledByReachableShare()
    {
        // Two separate edges: each node reaches 1 of 3 others at distance 1: (1/1)·(1/3).
        var scores = Centrality.Closeness(TextbookGraphs.FromEdges(4, [(0, 1), (2, 3)]), cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(scores, s => Assert.Equal(1.0 / 3, s, Precision));
    }

    [Fact]
    public void Closeness_Weighted_MatchesNetworkx()
    {
        var projection = TextbookGraphs.FromWeightedEdges(4, [(0, 1, 1), (1, 2, 1), (0, 2, 3), (2, 3, 1), (1, 3, 5)]);

        var scores = Centrality.Closeness(projection, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0.5, 0.75, 0.75, 0.5], scores.Select(s => Math.Round(s, Precision)));
    }

    [Fact]
    public void Closeness_Directed_UsesDistancesToTheNode()
    {
        // 0 -> 1 -> 2: node 2 is reached by both others, node 0 by none.
        var scores = Centrality.Closeness(TextbookGraphs.FromEdges(3, [(0, 1), (1, 2)], ProjectionDirection.Directed), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, scores[0]);
        Assert.Equal(2.0 / 3 * (2.0 / 2), scores[2], Precision);
    }

    [Fact]
    public void Harmonic_Karate_MatchesNetworkx()
    {
        var scores = Centrality.Harmonic(TextbookGraphs.Karate(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(23.16666666666666, scores[0], 10);
        Assert.Equal(23.25, scores[33], 10);
    }

    [Fact]
    public void Harmonic_Path_SumsInverseDistances()
    {
        var scores = Centrality.Harmonic(TextbookGraphs.Path(3), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([1.5, 2, 1.5], scores);
    }

    [Fact]
    public void PageRank_Karate_MatchesNetworkx()
    {
        var result = Centrality.PageRank(TextbookGraphs.Karate(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Converged);
        Assert.Equal(0.09700181758983706, result.Scores[0], 6);
        Assert.Equal(0.1009179167487121, result.Scores[33], 6);
        Assert.Equal(0.009564916863537146, result.Scores[11], 6);
    }

    [Fact]
    public void PageRank_DirectedWithDanglingNode_MatchesNetworkx()
    {
        // networkx.pagerank(DiGraph([(0,1),(1,2),(2,0),(2,3)])): node 3 has no out-arcs and spreads its rank evenly.
        var projection = TextbookGraphs.FromEdges(4, [(0, 1), (1, 2), (2, 0), (2, 3)], ProjectionDirection.Directed);

        var result = Centrality.PageRank(projection, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.2137621842472386, result.Scores[0], 6);
        Assert.Equal(0.26462302680270133, result.Scores[1], 6);
        Assert.Equal(0.3078526047028215, result.Scores[2], 6);
        Assert.Equal(0.2137621842472386, result.Scores[3], 6);
        Assert.Equal(1.0, result.Scores.Sum(), 9);
    }

    [Fact]
    public void PageRank_Cycle_IsUniform()
    {
        var result = Centrality.PageRank(TextbookGraphs.Cycle(7), cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(result.Scores, s => Assert.Equal(1.0 / 7, s, Precision));
    }

    [Fact]
    public void PageRank_FixedIterations_StopsThere()
    {
        var result = Centrality.PageRank(TextbookGraphs.Karate(), iterations: 3, tolerance: 0, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Iterations);
        Assert.Equal(1.0, result.Scores.Sum(), 9);
    }

    [Fact]
    public void PageRank_Weighted_FollowsHeavierArcs()
    {
        // 0 -> 1 (weight 9) and 0 -> 2 (weight 1): 1 gets nine times 2's share of 0's rank.
        var projection = TextbookGraphs.FromWeightedEdges(3, [(0, 1, 9), (0, 2, 1)], ProjectionDirection.Directed);

        var weighted = Centrality.PageRank(projection, weighted: true, cancellationToken: TestContext.Current.CancellationToken);
        var unweighted = Centrality.PageRank(projection, weighted: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(weighted.Scores[1] > weighted.Scores[2]);
        Assert.Equal(unweighted.Scores[1], unweighted.Scores[2], Precision);
    }

    [Fact]
    public void Degree_Star_NormalizedByNMinusOne()
    {
        var scores = Centrality.Degree(TextbookGraphs.Star(5));

        Assert.Equal([1, 0.25, 0.25, 0.25, 0.25], scores);
    }

    [Fact]
    public void Degree_Weighted_SumsWeights()
    {
        var projection = TextbookGraphs.FromWeightedEdges(3, [(0, 1, 2), (0, 2, 0.5)]);

        Assert.Equal([2.5, 2, 0.5], Centrality.Degree(projection, normalized: false, weighted: true));
    }

    [Fact]
    public void Brokerage_BrokerBetweenSectors_GetsTheCrossPairs()
    {
        // Two CCG partners and two police partners meet only through an initiative.
        var builder = new NetworkBuilder(ProjectionDirection.Undirected);
        builder.AddNode("partners/ccg-a", "Partner", "CCG");
        builder.AddNode("partners/ccg-b", "Partner", "CCG");
        builder.AddNode("partners/police-a", "Partner", "POLICE");
        builder.AddNode("partners/police-b", "Partner", "POLICE");
        builder.AddNode("initiatives/hub", "Initiative", "LV_PROJECT");
        foreach (var partner in new[] { "partners/ccg-a", "partners/ccg-b", "partners/police-a", "partners/police-b" })
        {
            builder.AddRelationship(partner, "initiatives/hub", "PARTNER_IN");
        }
        var projection = builder.Build();

        var brokerage = Centrality.Brokerage(projection, cancellationToken: TestContext.Current.CancellationToken);
        var betweenness = Centrality.Betweenness(projection, normalized: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, brokerage[4]);
        Assert.Equal(6, betweenness[4]);
        Assert.All(brokerage.Take(4), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Brokerage_CustomGroups_OnlyCrossGroupPairsCount()
    {
        // Path 0-1-2-3 with groups A A B B: pairs (0,2) (0,3) (1,2)... cross 1 for (0,2),(0,3); cross 2 for (0,3),(1,3).
        var projection = TextbookGraphs.Path(4);

        var scores = Centrality.Brokerage(projection, v => v < 2 ? 0 : 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 2, 2, 0], scores);
    }

    [Fact]
    public void Rank_Ties_ShareRankAndOrderByName()
    {
        var projection = TextbookGraphs.Star(4);

        var ranked = Centrality.Rank(projection, Centrality.Degree(projection), top: 3, TestContext.Current.CancellationToken);

        Assert.Equal(["n/0", "n/1", "n/2"], ranked.Select(r => r.Name));
        Assert.Equal([1, 2, 2], ranked.Select(r => r.Rank));
    }

    [Theory]
    [InlineData(CentralityMeasure.Degree)]
    [InlineData(CentralityMeasure.Betweenness)]
    [InlineData(CentralityMeasure.Closeness)]
    [InlineData(CentralityMeasure.Harmonic)]
    [InlineData(CentralityMeasure.PageRank)]
    [InlineData(CentralityMeasure.Brokerage)]
    public void Compute_StarWithMixedSectors_CentreRanksFirst(CentralityMeasure measure)
    {
        var builder = new NetworkBuilder(ProjectionDirection.Undirected);
        builder.AddNode("initiatives/hub", "Initiative");
        for (var i = 0; i < 4; i++)
        {
            builder.AddNode($"partners/p{i}", "Partner", i % 2 == 0 ? "CCG" : "POLICE");
            builder.AddRelationship(0, i + 1, "PARTNER_IN");
        }
        var projection = builder.Build();

        var scores = Centrality.Compute(projection, measure, TestContext.Current.CancellationToken);

        Assert.Equal("initiatives/hub", Centrality.Rank(projection, scores, top: 1, TestContext.Current.CancellationToken).Single().Name);
    }
}
