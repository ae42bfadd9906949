using CsCheck;
using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>Properties that hold on every graph, checked on random ones.</summary>
public sealed class NetworkPropertyTests
{
    private const int Iterations = 200;

    [Fact]
    public void ShortestPath_RandomGraphs_NoLongerThanAnyPathTheSearchFinds()
    {
        RandomGraphs.Simple(maxNodes: 9, maxEdges: 18).Sample(spec =>
        {
            var ct = TestContext.Current.CancellationToken;
            var projection = spec.Build(weighted: true);
            var target = spec.Nodes - 1;

            var hops = NetworkPaths.ShortestPath(projection, 0, target, weighted: false, cancellationToken: ct);
            var cheapest = NetworkPaths.ShortestPath(projection, 0, target, weighted: true, cancellationToken: ct);
            var all = NetworkPaths.AllSimplePaths(projection, 0, target, maxDepth: spec.Nodes - 1, limit: 100_000, cancellationToken: ct);

            Assert.Equal(hops is null, all.Paths.Count == 0);
            Assert.All(all.Paths, p =>
            {
                Assert.True(hops!.Hops <= p.Hops);
                Assert.True(cheapest!.Cost <= p.Cost);
                Assert.Equal(p.Nodes.Count, p.Nodes.Distinct().Count());
            });
            if (hops is not null)
            {
                Assert.Equal(hops.Hops, all.Paths[0].Hops);
                Assert.Equal(cheapest!.Cost, all.Paths.Min(p => p.Cost));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void KShortestPaths_RandomGraphs_CostsNonDecreasingAndLoopless()
    {
        RandomGraphs.Simple(maxNodes: 9, maxEdges: 20).Sample(spec =>
        {
            var projection = spec.Build(weighted: true);

            var paths = NetworkPaths.KShortestPaths(projection, 0, spec.Nodes - 1, 6, cancellationToken: TestContext.Current.CancellationToken);

            for (var i = 1; i < paths.Count; i++)
            {
                Assert.True(paths[i - 1].Cost <= paths[i].Cost);
            }
            Assert.All(paths, p => Assert.Equal(p.Nodes.Count, p.Nodes.Distinct().Count()));
            Assert.Equal(paths.Count, paths.Select(p => string.Join(',', p.Relationships)).Distinct().Count());
        }, iter: Iterations);
    }

    [Fact]
    public void Betweenness_RandomTrees_SumsToPairDistancesMinusOne()
    {
        // In a tree each pair has one path, whose d(s,t)-1 inner nodes each gain 1.
        RandomGraphs.Tree().Sample(spec =>
        {
            var ct = TestContext.Current.CancellationToken;
            var projection = spec.Build();
            var expected = 0.0;
            for (var s = 0; s < spec.Nodes; s++)
            {
                var distances = NetworkPaths.HopDistances(projection, s, ct);
                for (var t = s + 1; t < spec.Nodes; t++)
                {
                    expected += distances[t] - 1;
                }
            }

            var scores = Centrality.Betweenness(projection, normalized: false, cancellationToken: ct);

            Assert.Equal(expected, scores.Sum(), 9);
        }, iter: Iterations);
    }

    [Fact]
    public void Betweenness_RandomGraphs_SumsToInnerNodesOverPairsWeightedByPathShares()
    {
        // Σ_v b(v) = Σ_{s<t connected} (d(s,t) − 1): every shortest path of a pair has d−1 inner nodes and the shares sum to 1.
        RandomGraphs.Simple().Sample(spec =>
        {
            var ct = TestContext.Current.CancellationToken;
            var projection = spec.Build();
            var expected = 0.0;
            for (var s = 0; s < spec.Nodes; s++)
            {
                var distances = NetworkPaths.HopDistances(projection, s, ct);
                for (var t = s + 1; t < spec.Nodes; t++)
                {
                    expected += distances[t] > 0 ? distances[t] - 1 : 0;
                }
            }

            var scores = Centrality.Betweenness(projection, normalized: false, cancellationToken: ct);

            Assert.Equal(expected, scores.Sum(), 9);
        }, iter: Iterations);
    }

    [Fact]
    public void Brokerage_RandomGraphs_NeverExceedsBetweenness()
    {
        RandomGraphs.Simple().Sample(spec =>
        {
            var ct = TestContext.Current.CancellationToken;
            var projection = spec.Build();

            var brokerage = Centrality.Brokerage(projection, v => v % 3, cancellationToken: ct);
            var betweenness = Centrality.Betweenness(projection, normalized: false, cancellationToken: ct);

            Assert.All(Enumerable.Range(0, spec.Nodes), v => Assert.True(brokerage[v] <= betweenness[v] + 1e-9));
        }, iter: Iterations);
    }

    [Fact]
    public void Louvain_RandomGraphs_ModularityWithinBoundsAndMatchesPartition()
    {
        RandomGraphs.Simple(maxNodes: 20, maxEdges: 40).Sample(spec =>
        {
            var projection = spec.Build(weighted: true);

            var result = Communities.Louvain(projection, seed: 1, cancellationToken: TestContext.Current.CancellationToken);

            Assert.InRange(result.Modularity, -0.5, 1);
            Assert.Equal(result.Modularity, Communities.Modularity(projection, result.Membership), 12);
            Assert.Equal(result.Count, result.Membership.Distinct().Count());
        }, iter: Iterations);
    }

    [Fact]
    public void Modularity_RandomPartitions_WithinBounds()
    {
        Gen.Select(RandomGraphs.Simple(maxNodes: 15, maxEdges: 30), Gen.Int[0, 3].Array[15]).Sample((spec, labels) =>
        {
            var projection = spec.Build();

            var q = Communities.Modularity(projection, labels.Take(spec.Nodes).ToArray());

            Assert.InRange(q, -0.5, 1);
        }, iter: Iterations);
    }

    [Fact]
    public void PageRank_RandomGraphs_SumsToOne()
    {
        RandomGraphs.Simple().Sample(spec =>
        {
            foreach (var direction in new[] { ProjectionDirection.Undirected, ProjectionDirection.Directed })
            {
                var result = Centrality.PageRank(spec.Build(direction), cancellationToken: TestContext.Current.CancellationToken);

                Assert.Equal(1.0, result.Scores.Sum(), 9);
                Assert.All(result.Scores, s => Assert.True(s > 0));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void SimulateRemoval_RandomGraphs_NeverIncreasesEdges()
    {
        Gen.Select(RandomGraphs.Simple(), Gen.Int[0, 100]).Sample((spec, pick) =>
        {
            var projection = spec.Build();

            var impact = NetworkAnalysis.SimulateRemoval(projection, (IReadOnlyCollection<int>?)null, pick % spec.Nodes, TestContext.Current.CancellationToken);

            Assert.True(impact.After.Edges <= impact.Before.Edges);
            Assert.Equal(impact.Before.Nodes - 1, impact.After.Nodes);
            Assert.True(impact.After.ConnectedPairs <= impact.Before.ConnectedPairs);
        }, iter: Iterations);
    }

    [Fact]
    public void EgoNetwork_RandomGraphs_IsEveryNodeWithinDepth()
    {
        Gen.Select(RandomGraphs.Simple(), Gen.Int[0, 4]).Sample((spec, depth) =>
        {
            var ct = TestContext.Current.CancellationToken;
            var projection = spec.Build();
            var distances = NetworkPaths.HopDistances(projection, 0, ct);

            var ego = EgoNetwork.Expand(projection, 0, depth, cancellationToken: ct);

            var expected = Enumerable.Range(0, spec.Nodes).Where(v => distances[v] >= 0 && distances[v] <= depth).Order();
            Assert.Equal(expected, ego.Nodes.Order());
            Assert.All(Enumerable.Range(0, ego.Nodes.Count), i => Assert.Equal(distances[ego.Nodes[i]], ego.Hops[i]));
        }, iter: Iterations);
    }

    [Fact]
    public void Closeness_RandomGraphs_HarmonicAtLeastReachedOverMaxDistance()
    {
        RandomGraphs.Simple().Sample(spec =>
        {
            var ct = TestContext.Current.CancellationToken;
            var projection = spec.Build();

            var closeness = Centrality.Closeness(projection, cancellationToken: ct);
            var harmonic = Centrality.Harmonic(projection, cancellationToken: ct);

            Assert.All(Enumerable.Range(0, spec.Nodes), v =>
            {
                Assert.InRange(closeness[v], 0, 1);
                Assert.InRange(harmonic[v], 0, spec.Nodes - 1);
                Assert.Equal(closeness[v] == 0, harmonic[v] == 0);
            });
        }, iter: Iterations);
    }
}
