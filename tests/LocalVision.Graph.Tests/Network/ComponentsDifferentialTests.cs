using CsCheck;
using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>
/// Weakly connected components against a brute-force flood fill and against the general modularity, on random
/// multigraphs with self-loops and parallel ties, in every direction, weighted or not, merged or kept.
/// </summary>
public sealed class ComponentsDifferentialTests
{
    private static readonly Gen<(int Nodes, (int A, int B, int W)[] Edges)> Multigraphs =
        from n in Gen.Int[1, 16]
        from edges in Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1], Gen.Int[1, 5]).Array[0, 24]
        select (n, edges);

    [Fact]
    public void WeaklyConnectedComponents_RandomMultigraphs_MatchFloodFillAndGeneralModularity()
    {
        Gen.Select(Multigraphs, Gen.Int[0, 2], Gen.Bool, Gen.Bool).Sample((graph, direction, weighted, merged) =>
        {
            var (n, edges) = graph;
            var projection = TextbookGraphs.FromEdges(n, edges.Select(e => (e.A, e.B)), (ProjectionDirection)direction,
                weighted ? edges.Select(e => (double)e.W).ToList() : null, merged ? MultiEdges.Merge : MultiEdges.Keep);

            var result = Communities.WeaklyConnectedComponents(projection, TestContext.Current.CancellationToken);

            var (expected, count) = FloodFill(n, edges);
            Assert.Equal(count, result.Count);
            Assert.Equal(expected, result.Membership);
            Assert.Equal(Communities.Modularity(projection, expected), result.Modularity, 12);
        }, iter: 500);
    }

    [Fact]
    public void WeaklyConnectedComponents_TwoWeightedIslands_ModularityFromTheirDegrees()
    {
        // Island {0,1,2}: weights 1+1+2 = 4; island {3,4}: weight 4; m = 8, each island's share is 1/2.
        var projection = TextbookGraphs.FromEdges(5, [(0, 1), (1, 2), (2, 0), (3, 4)], weights: [1, 1, 2, 4]);

        var result = Communities.WeaklyConnectedComponents(projection, TestContext.Current.CancellationToken);

        Assert.Equal([0, 0, 0, 1, 1], result.Membership);
        Assert.Equal(0.5, result.Modularity, 12);
    }

    /// <summary>Components by repeated flood fill over the edge list, numbered by their lowest node.</summary>
    private static (int[] Membership, int Count) FloodFill(int n, (int A, int B, int W)[] edges)
    {
        var membership = Enumerable.Repeat(-1, n).ToArray();
        var count = 0;
        for (var s = 0; s < n; s++)
        {
            if (membership[s] >= 0)
            {
                continue;
            }
            membership[s] = count;
            var grew = true;
            while (grew)
            {
                grew = false;
                foreach (var (a, b, _) in edges)
                {
                    if ((membership[a] == count) != (membership[b] == count))
                    {
                        membership[a] = membership[b] = count;
                        grew = true;
                    }
                }
            }
            count++;
        }
        return (membership, count);
    }
}
