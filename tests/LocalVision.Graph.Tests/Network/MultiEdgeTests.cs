using CsCheck;
using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>
/// One meaning of a tie: with <see cref="MultiEdges.Merge"/> (the default) a tie recorded twice, or both ways, counts
/// once in every measure, as in networkx's <c>Graph</c>; with <see cref="MultiEdges.Keep"/> each relationship counts.
/// </summary>
public sealed class MultiEdgeTests
{
    private const int Precision = 12;

    /// <summary>The case: the 4-cycle a-b-c-d with a-b recorded both ways (nodes 0..3 are a..d).</summary>
    private static readonly (int, int)[] CycleWithReversedTie = [(0, 1), (1, 2), (2, 3), (3, 0), (1, 0)];

    private static readonly (int, int)[] Cycle = [(0, 1), (1, 2), (2, 3), (3, 0)];

    [Fact]
    public void Degree_TieRecordedBothWays_MatchesNetworkxGraph()
    {
        // networkx.degree_centrality(Graph([(a,b),(b,c),(c,d),(d,a),(b,a)])) gives 2/3 for every node.
        var scores = Centrality.Degree(TextbookGraphs.FromEdges(4, CycleWithReversedTie));

        Assert.All(scores, s => Assert.Equal(2.0 / 3, s, Precision));
    }

    [Fact]
    public void Degree_TieRecordedBothWaysKept_CountsEachRelationship()
    {
        // networkx.degree_centrality(MultiGraph(...)) gives a and b 3/3.
        var scores = Centrality.Degree(TextbookGraphs.FromEdges(4, CycleWithReversedTie, multiEdges: MultiEdges.Keep));

        Assert.Equal([1.0, 1.0, 2.0 / 3, 2.0 / 3], scores);
    }

    [Fact]
    public void Betweenness_TieRecordedBothWays_MatchesNetworkxGraph()
    {
        // networkx.betweenness_centrality on the same Graph: 1/6 for every node.
        var scores = Centrality.Betweenness(TextbookGraphs.FromEdges(4, CycleWithReversedTie), cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(scores, s => Assert.Equal(1.0 / 6, s, Precision));
    }

    [Fact]
    public void PageRank_TieRecordedBothWays_IsUniformAsOnTheCycle()
    {
        var result = Centrality.PageRank(TextbookGraphs.FromEdges(4, CycleWithReversedTie), tolerance: 1e-14, cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(result.Scores, s => Assert.Equal(0.25, s, Precision));
    }

    [Fact]
    public void EveryMeasure_TieRecordedBothWays_SameAsTheCycle()
    {
        var token = TestContext.Current.CancellationToken;
        var doubled = TextbookGraphs.FromEdges(4, CycleWithReversedTie);
        var plain = TextbookGraphs.FromEdges(4, Cycle);

        foreach (var measure in Enum.GetValues<CentralityMeasure>())
        {
            Assert.Equal(Centrality.Compute(plain, measure, token), Centrality.Compute(doubled, measure, token));
        }
        Assert.Equal(Centrality.Brokerage(plain, v => v % 2, cancellationToken: token), Centrality.Brokerage(doubled, v => v % 2, cancellationToken: token));
        Assert.Equal(Communities.Louvain(plain, cancellationToken: token).Modularity, Communities.Louvain(doubled, cancellationToken: token).Modularity, Precision);
        Assert.Equal(Communities.Modularity(plain, [0, 0, 1, 1]), Communities.Modularity(doubled, [0, 0, 1, 1]), Precision);
    }

    [Fact]
    public void KShortestPaths_TieRecordedBothWays_NoPathTwice()
    {
        var paths = NetworkPaths.KShortestPaths(TextbookGraphs.FromEdges(4, CycleWithReversedTie), 0, 2, 3, cancellationToken: TestContext.Current.CancellationToken);

        // networkx.shortest_simple_paths(G, a, c): [a, b, c] and [a, d, c], and nothing else.
        Assert.Equal([[0, 1, 2], [0, 3, 2]], paths.Select(p => p.Nodes.ToArray()).Order(Comparer<int[]>.Create((x, y) => x[1].CompareTo(y[1]))));
    }

    [Fact]
    public void EveryMeasure_RandomGraphWithRepeatedAndReversedTies_SameAsTheSimpleGraph()
    {
        var token = TestContext.Current.CancellationToken;
        // Each tie is also recorded the other way at a higher cost and some nodes get a self-loop: merged, the
        // cheapest relationship of each pair is the tie and the self-loops are gone, so nothing may change.
        Gen.Select(RandomGraphs.Simple(maxNodes: 10, maxEdges: 20), Gen.Bool.Array[10]).Sample((spec, loops) =>
        {
            var simple = spec.Build(weighted: true);
            var noisy = spec.Edges
                .Concat(spec.Edges.Select(e => (A: e.B, B: e.A, W: e.W + 1)))
                .Concat(Enumerable.Range(0, spec.Nodes).Where(v => loops[v]).Select(v => (A: v, B: v, W: 1.0)))
                .ToList();
            var merged = TextbookGraphs.FromWeightedEdges(spec.Nodes, noisy);
            foreach (var measure in Enum.GetValues<CentralityMeasure>())
            {
                var expected = Centrality.Compute(simple, measure, token);
                var actual = Centrality.Compute(merged, measure, token);
                for (var v = 0; v < spec.Nodes; v++)
                {
                    Assert.Equal(expected[v], actual[v], 9);
                }
            }
            Assert.Equal(Centrality.Brokerage(simple, v => v % 3, cancellationToken: token), Centrality.Brokerage(merged, v => v % 3, cancellationToken: token));
            Assert.Equal(Communities.Louvain(simple, cancellationToken: token).Membership, Communities.Louvain(merged, cancellationToken: token).Membership);
            var from = 0;
            var to = spec.Nodes - 1;
            Assert.Equal(
                NetworkPaths.KShortestPaths(simple, from, to, 5, cancellationToken: token).Select(p => (string.Join(",", p.Nodes), p.Cost)),
                NetworkPaths.KShortestPaths(merged, from, to, 5, cancellationToken: token).Select(p => (string.Join(",", p.Nodes), p.Cost)));
        }, iter: 200);
    }
}
