using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

public sealed class CommunitiesTests
{
    [Fact]
    public void WeaklyConnectedComponents_TwoIslandsAndALoner_ThreeComponents()
    {
        var projection = TextbookGraphs.FromEdges(6, [(0, 1), (1, 2), (4, 3)], ProjectionDirection.Directed);

        var result = Communities.WeaklyConnectedComponents(projection, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Count);
        Assert.Equal([0, 0, 0, 1, 1, 2], result.Membership);
        Assert.Equal([3, 2, 1], result.Members().Select(m => m.Count));
    }

    [Fact]
    public void WeaklyConnectedComponents_Karate_OneComponent()
    {
        Assert.Equal(1, Communities.WeaklyConnectedComponents(TextbookGraphs.Karate(), cancellationToken: TestContext.Current.CancellationToken).Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void Louvain_Karate_ModularityNearTheKnownOptimum(int seed)
    {
        // The best partition of the karate club has modularity 0.4198 (Brandes et al. 2008); Louvain finds 0.41-0.42.
        var result = Communities.Louvain(TextbookGraphs.Karate(), seed, cancellationToken: TestContext.Current.CancellationToken);

        Assert.InRange(result.Modularity, 0.41, 0.4199);
        Assert.InRange(result.Count, 3, 5);
    }

    [Fact]
    public void Louvain_SameSeed_SamePartition()
    {
        var projection = TextbookGraphs.Karate();

        var a = Communities.Louvain(projection, seed: 5, cancellationToken: TestContext.Current.CancellationToken);
        var b = Communities.Louvain(projection, seed: 5, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(a.Membership, b.Membership);
        Assert.Equal(a.Modularity, b.Modularity);
    }

    [Fact]
    public void Louvain_TwoCliquesJoinedByOneEdge_FindsTheCliques()
    {
        var edges = new List<(int, int)>();
        for (var i = 0; i < 5; i++)
        {
            for (var j = i + 1; j < 5; j++)
            {
                edges.Add((i, j));
                edges.Add((i + 5, j + 5));
            }
        }
        edges.Add((4, 5));

        var result = Communities.Louvain(TextbookGraphs.FromEdges(10, edges), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Count);
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], result.Membership);
    }

    [Fact]
    public void Louvain_NoRelationships_EveryNodeAlone()
    {
        var result = Communities.Louvain(TextbookGraphs.FromEdges(3, []), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Count);
        Assert.Equal(0, result.Modularity);
    }

    [Fact]
    public void Modularity_KnownPartition_MatchesHandComputation()
    {
        // Two triangles joined by one edge, split into the triangles: m = 7, each side L = 3, d = 7.
        var projection = TextbookGraphs.FromEdges(6, [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]);

        var q = Communities.Modularity(projection, [0, 0, 0, 1, 1, 1]);

        Assert.Equal(2 * ((3.0 / 7) - (7.0 / 14 * (7.0 / 14))), q, 12);
    }

    [Fact]
    public void Modularity_SingleCommunity_IsZero()
    {
        Assert.Equal(0, Communities.Modularity(TextbookGraphs.Karate(), new int[34]), 12);
    }

    [Fact]
    public void LabelPropagation_TwoCliquesJoinedByOneEdge_FindsTheCliques()
    {
        var edges = new List<(int, int)>();
        for (var i = 0; i < 6; i++)
        {
            for (var j = i + 1; j < 6; j++)
            {
                edges.Add((i, j));
                edges.Add((i + 6, j + 6));
            }
        }
        edges.Add((0, 6));

        var result = Communities.LabelPropagation(TextbookGraphs.FromEdges(12, edges), seed: 3, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Count);
        Assert.All(Enumerable.Range(0, 6), v => Assert.Equal(result.Membership[0], result.Membership[v]));
        Assert.All(Enumerable.Range(6, 6), v => Assert.Equal(result.Membership[6], result.Membership[v]));
    }

    [Fact]
    public void LabelPropagation_SameSeed_SamePartition()
    {
        var projection = TextbookGraphs.Karate();

        Assert.Equal(
            Communities.LabelPropagation(projection, seed: 9, cancellationToken: TestContext.Current.CancellationToken).Membership,
            Communities.LabelPropagation(projection, seed: 9, cancellationToken: TestContext.Current.CancellationToken).Membership);
    }

    [Fact]
    public void LabelPropagation_Karate_PositiveModularity()
    {
        var result = Communities.LabelPropagation(TextbookGraphs.Karate(), seed: 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.InRange(result.Modularity, 0.1, 0.4199);
    }

    [Theory]
    [InlineData(CommunityAlgorithm.WeaklyConnectedComponents)]
    [InlineData(CommunityAlgorithm.Louvain)]
    [InlineData(CommunityAlgorithm.LabelPropagation)]
    public void Detect_TwoSeparateTriangles_TwoCommunities(CommunityAlgorithm algorithm)
    {
        var projection = TextbookGraphs.FromEdges(6, [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)]);

        var result = Communities.Detect(projection, algorithm, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 0, 0, 1, 1, 1], result.Membership);
        Assert.Equal(0.5, result.Modularity, 12);
    }

    [Fact]
    public void Louvain_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Communities.Louvain(TextbookGraphs.Karate(), cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Louvain_WeightedFalse_IgnoresWeights()
    {
        // Heavy weights pull 2 towards 3; without weights the triangles win.
        var projection = TextbookGraphs.FromWeightedEdges(6, [(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 4, 1), (4, 5, 1), (3, 5, 1), (2, 3, 50)]);

        var unweighted = Communities.Louvain(projection, weighted: false, cancellationToken: TestContext.Current.CancellationToken);
        var weighted = Communities.Louvain(projection, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 0, 0, 1, 1, 1], unweighted.Membership);
        Assert.Equal(weighted.Membership[2], weighted.Membership[3]);
    }
}
