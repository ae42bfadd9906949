using CsCheck;
using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

public sealed class NetworkPathsTests
{
    [Fact]
    public void ShortestPath_Path_GoesThroughEveryNode()
    {
        var projection = TextbookGraphs.Path(5);

        var path = NetworkPaths.ShortestPath(projection, 0, 4, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(path);
        Assert.Equal([0, 1, 2, 3, 4], path.Nodes);
        Assert.Equal(["n/0", "n/1", "n/2", "n/3", "n/4"], path.NodeNames);
        Assert.Equal([0, 1, 2, 3], path.Relationships);
        Assert.Equal(4, path.Cost);
    }

    [Fact]
    public void ShortestPath_Unreachable_IsNull()
    {
        var projection = TextbookGraphs.FromEdges(4, [(0, 1), (2, 3)]);

        Assert.Null(NetworkPaths.ShortestPath(projection, 0, 3, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ShortestPath_SameNode_IsEmptyPath()
    {
        var path = NetworkPaths.ShortestPath(TextbookGraphs.Cycle(4), 2, 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(path);
        Assert.Equal([2], path.Nodes);
        Assert.Equal(0, path.Cost);
    }

    [Fact]
    public void ShortestPath_Directed_OnlyFollowsArcs()
    {
        var projection = TextbookGraphs.FromEdges(3, [(0, 1), (2, 1)], ProjectionDirection.Directed);

        Assert.Null(NetworkPaths.ShortestPath(projection, 0, 2, cancellationToken: TestContext.Current.CancellationToken));
        Assert.NotNull(NetworkPaths.ShortestPath(projection, 2, 1, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ShortestPath_AgainstStoredDirection_KeyKeepsStoredDirection()
    {
        var projection = TextbookGraphs.FromEdges(2, [(0, 1)]);

        var path = NetworkPaths.ShortestPath(projection, 1, 0, cancellationToken: TestContext.Current.CancellationToken)!;

        Assert.Equal(new("COLLABORATES_WITH", "n/0", "n/1"), path.RelationshipKeys.Single());
    }

    [Fact]
    public void ShortestPath_Weighted_PrefersCheaperLongerRoute()
    {
        // 0-1-2-3 costs 3; 0-3 directly costs 10.
        var projection = TextbookGraphs.FromWeightedEdges(4, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (0, 3, 10)]);

        var weighted = NetworkPaths.ShortestPath(projection, 0, 3, cancellationToken: TestContext.Current.CancellationToken)!;
        var hops = NetworkPaths.ShortestPath(projection, 0, 3, weighted: false, cancellationToken: TestContext.Current.CancellationToken)!;

        Assert.Equal([0, 1, 2, 3], weighted.Nodes);
        Assert.Equal(3, weighted.Cost);
        Assert.Equal([0, 3], hops.Nodes);
        Assert.Equal(1, hops.Cost);
    }

    [Fact]
    public void HopDistances_Cycle_AreRingDistances()
    {
        var distances = NetworkPaths.HopDistances(TextbookGraphs.Cycle(6), 0, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 1, 2, 3, 2, 1], distances);
    }

    [Fact]
    public void WeightedDistances_Unreachable_IsInfinity()
    {
        var projection = TextbookGraphs.FromWeightedEdges(4, [(0, 1, 2.5), (1, 2, 0.5)]);

        var distances = NetworkPaths.WeightedDistances(projection, 0, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 2.5, 3, double.PositiveInfinity], distances);
    }

    [Fact]
    public void KShortestPaths_Yen_ClassicExample()
    {
        // Yen's example as given in the Wikipedia article: C=0 D=1 E=2 F=3 G=4 H=5.
        var projection = TextbookGraphs.FromWeightedEdges(6,
            [(0, 1, 3), (0, 2, 2), (1, 3, 4), (2, 1, 1), (2, 3, 2), (2, 4, 3), (3, 4, 2), (3, 5, 1), (4, 5, 2)],
            ProjectionDirection.Directed);

        var paths = NetworkPaths.KShortestPaths(projection, 0, 5, 3, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, paths.Count);
        Assert.Equal([0, 2, 3, 5], paths[0].Nodes);
        Assert.Equal(5, paths[0].Cost);
        Assert.Equal([0, 2, 4, 5], paths[1].Nodes);
        Assert.Equal(7, paths[1].Cost);
        Assert.Equal([0, 1, 3, 5], paths[2].Nodes);
        Assert.Equal(8, paths[2].Cost);
    }

    [Fact]
    public void KShortestPaths_FewerThanK_ReturnsAllLooplessPaths()
    {
        var paths = NetworkPaths.KShortestPaths(TextbookGraphs.Cycle(4), 0, 2, 10, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, paths.Count);
        Assert.All(paths, p => Assert.Equal(2, p.Hops));
    }

    [Fact]
    public void KShortestPaths_ParallelRelationshipsKept_AreDistinctPaths()
    {
        var projection = TextbookGraphs.FromEdges(2, [(0, 1), (1, 0)], multiEdges: MultiEdges.Keep);

        var paths = NetworkPaths.KShortestPaths(projection, 0, 1, 5, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, paths.Count);
        Assert.NotEqual(paths[0].Relationships[0], paths[1].Relationships[0]);
    }

    [Fact]
    public void AllSimplePaths_Complete4_CountsEveryOrdering()
    {
        // Between two nodes of K4: 1 direct, 2 through one other, 2 through both others.
        var result = NetworkPaths.AllSimplePaths(TextbookGraphs.Complete(4), 0, 3, maxDepth: 3, limit: 100, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.Truncated);
        Assert.Equal([1, 2, 2, 3, 3], result.Paths.Select(p => p.Hops));
    }

    [Fact]
    public void AllSimplePaths_DepthBound_DropsLongerPaths()
    {
        var result = NetworkPaths.AllSimplePaths(TextbookGraphs.Complete(4), 0, 3, maxDepth: 2, limit: 100, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Paths.Count);
    }

    [Fact]
    public void AllSimplePaths_Limit_KeepsShortestAndSaysTruncated()
    {
        var result = NetworkPaths.AllSimplePaths(TextbookGraphs.Complete(5), 0, 4, maxDepth: 4, limit: 4, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Truncated);
        Assert.Equal([1, 2, 2, 2], result.Paths.Select(p => p.Hops));
    }

    [Fact]
    public void AllSimplePaths_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            NetworkPaths.AllSimplePaths(TextbookGraphs.Complete(9), 0, 8, maxDepth: 8, limit: 1_000_000, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void ShortestPath_NodeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkPaths.ShortestPath(TextbookGraphs.Path(3), 0, 3, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void FindPaths_Unweighted_KShortestWithinDepth()
    {
        var paths = NetworkPaths.FindPaths(TextbookGraphs.Complete(5), 0, 4, k: 3, maxDepth: 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 2], paths.Select(p => p.Hops));
    }

    [Fact]
    public void FindPaths_Weighted_OnlyPathsWithinTheBound()
    {
        var projection = TextbookGraphs.FromWeightedEdges(4, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (0, 3, 10)]);

        var paths = NetworkPaths.FindPaths(projection, 0, 3, k: 2, maxDepth: 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([10.0], paths.Select(p => p.Cost));
    }

    [Fact]
    public void FindPaths_WeightedCheapestTooDeep_CheapestWithinTheDepth()
    {
        // The case, one hop longer so that the cheapest path within the depth is not the direct tie:
        // a-z costs 10, a-x-y-z 3 (3 hops), a-w-z 5 (2 hops). With max_depth 2 the answer is a-w-z, then a-z.
        var projection = TextbookGraphs.FromWeightedEdges(5, [(0, 4, 10), (0, 1, 1), (1, 2, 1), (2, 4, 1), (0, 3, 2.5), (3, 4, 2.5)]);

        var paths = NetworkPaths.FindPaths(projection, 0, 4, k: 3, maxDepth: 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([[0, 3, 4], [0, 4]], paths.Select(p => p.Nodes.ToArray()));
        Assert.Equal([5.0, 10.0], paths.Select(p => p.Cost));
    }

    [Fact]
    public void FindPaths_WeightedCheapestTooDeepOnly_TheDirectTie()
    {
        // a–z cost 10, a–x–y–z cost 3, max_depth 2: the answer is a–z, not "no path".
        var projection = TextbookGraphs.FromWeightedEdges(4, [(0, 3, 10), (0, 1, 1), (1, 2, 1), (2, 3, 1)]);

        var paths = NetworkPaths.FindPaths(projection, 0, 3, k: 1, maxDepth: 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([10.0], paths.Select(p => p.Cost));
    }

    [Fact]
    public void FindPaths_WeightedRandomGraphs_CheapestWithinDepthAsBruteForce()
    {
        Gen.Select(RandomGraphs.Simple(maxNodes: 8, maxEdges: 18), Gen.Int[0, 4], Gen.Int[1, 6]).Sample((spec, depth, k) =>
        {
            var projection = spec.Build(weighted: true);
            var target = spec.Nodes - 1;

            var paths = NetworkPaths.FindPaths(projection, 0, target, k, depth, cancellationToken: TestContext.Current.CancellationToken);

            var expected = BruteForceCosts(spec, 0, target, depth).Take(k);
            Assert.Equal(expected, paths.Select(p => p.Cost));
            Assert.All(paths, p => Assert.True(p.Hops <= depth && p.Nodes.Distinct().Count() == p.Nodes.Count));
            Assert.Equal(paths.Count, paths.Select(p => string.Join(',', p.Nodes)).Distinct().Count());
        }, iter: 300);
    }

    /// <summary>The cost of every simple path of at most <paramref name="depth"/> hops, by plain depth-first enumeration, cheapest first.</summary>
    private static List<double> BruteForceCosts(RandomGraphs.Spec spec, int source, int target, int depth)
    {
        var costs = new List<double>();
        var onPath = new bool[spec.Nodes];
        void Walk(int u, int hops, double cost)
        {
            if (u == target)
            {
                costs.Add(cost);
                return;
            }
            if (hops == depth)
            {
                return;
            }
            onPath[u] = true;
            foreach (var (a, b, w) in spec.Edges)
            {
                var v = a == u ? b : b == u ? a : -1;
                if (v >= 0 && !onPath[v])
                {
                    Walk(v, hops + 1, cost + w);
                }
            }
            onPath[u] = false;
        }
        Walk(source, 0, 0);
        costs.Sort();
        return costs;
    }
}
