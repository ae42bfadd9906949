using CsCheck;
using LocalVision.Graph.Network;
using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.Observers;
using QuikGraph.Algorithms.Search;
using QuikGraph.Algorithms.ShortestPath;

namespace LocalVision.Graph.Tests.Network;

/// <summary>Our algorithms against QuikGraph's independent implementations, on random graphs.</summary>
public sealed class QuikGraphDifferentialTests
{
    private const int Iterations = 300;

    [Fact]
    public void HopDistances_RandomUndirectedGraphs_MatchQuikGraphBreadthFirstSearch()
    {
        RandomGraphs.Simple().Sample(spec =>
        {
            var projection = spec.Build();
            var reference = new AdjacencyGraph<int, Edge<int>>();
            reference.AddVertexRange(Enumerable.Range(0, spec.Nodes));
            foreach (var (a, b, _) in spec.Edges)
            {
                reference.AddEdge(new Edge<int>(a, b));
                reference.AddEdge(new Edge<int>(b, a));
            }
            var search = new BreadthFirstSearchAlgorithm<int, Edge<int>>(reference);
            var recorder = new VertexDistanceRecorderObserver<int, Edge<int>>(_ => 1);
            using (recorder.Attach(search))
            {
                search.Compute(0);
            }

            var distances = NetworkPaths.HopDistances(projection, 0, TestContext.Current.CancellationToken);

            for (var v = 0; v < spec.Nodes; v++)
            {
                var expected = recorder.Distances.TryGetValue(v, out var d) ? (int)d : v == 0 ? 0 : -1;
                Assert.Equal(expected, distances[v]);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void WeightedDistances_RandomUndirectedGraphs_MatchQuikGraphDijkstra()
    {
        RandomGraphs.Simple().Sample(spec =>
        {
            var projection = spec.Build(weighted: true);
            var reference = new UndirectedGraph<int, TaggedUndirectedEdge<int, double>>();
            reference.AddVertexRange(Enumerable.Range(0, spec.Nodes));
            foreach (var (a, b, w) in spec.Edges)
            {
                reference.AddEdge(new TaggedUndirectedEdge<int, double>(a, b, w));
            }
            var paths = reference.ShortestPathsDijkstra(e => e.Tag, 0);

            var distances = NetworkPaths.WeightedDistances(projection, 0, TestContext.Current.CancellationToken);

            for (var v = 1; v < spec.Nodes; v++)
            {
                var expected = paths(v, out var edges) ? edges.Sum(e => e.Tag) : double.PositiveInfinity;
                Assert.Equal(expected, distances[v]);
                var path = NetworkPaths.ShortestPath(projection, 0, v, cancellationToken: TestContext.Current.CancellationToken);
                Assert.Equal(expected, path?.Cost ?? double.PositiveInfinity);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void WeaklyConnectedComponents_RandomGraphs_MatchQuikGraphPartition()
    {
        RandomGraphs.Simple(maxNodes: 20, maxEdges: 15).Sample(spec =>
        {
            var projection = spec.Build(ProjectionDirection.Directed);
            var reference = new UndirectedGraph<int, Edge<int>>();
            reference.AddVertexRange(Enumerable.Range(0, spec.Nodes));
            foreach (var (a, b, _) in spec.Edges)
            {
                reference.AddEdge(new Edge<int>(a, b));
            }
            var components = new Dictionary<int, int>();
            var count = reference.ConnectedComponents(components);

            var result = Communities.WeaklyConnectedComponents(projection, TestContext.Current.CancellationToken);

            Assert.Equal(count, result.Count);
            for (var u = 0; u < spec.Nodes; u++)
            {
                for (var v = u + 1; v < spec.Nodes; v++)
                {
                    Assert.Equal(components[u] == components[v], result.Membership[u] == result.Membership[v]);
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void KShortestPaths_RandomDirectedGraphs_SameCostsAsQuikGraphYen()
    {
        const int k = 4;
        RandomGraphs.Simple(maxNodes: 8, maxEdges: 24).Sample(spec =>
        {
            var projection = spec.Build(ProjectionDirection.Directed, weighted: true);
            var reference = new AdjacencyGraph<int, EquatableTaggedEdge<int, double>>();
            reference.AddVertexRange(Enumerable.Range(0, spec.Nodes));
            foreach (var (a, b, w) in spec.Edges)
            {
                reference.AddEdge(new EquatableTaggedEdge<int, double>(a, b, w));
            }
            var target = spec.Nodes - 1;

            var ours = NetworkPaths.KShortestPaths(projection, 0, target, k, cancellationToken: TestContext.Current.CancellationToken);

            if (ours.Count == 0)
            {
                Assert.Null(NetworkPaths.ShortestPath(projection, 0, target, cancellationToken: TestContext.Current.CancellationToken));
                return;
            }
            var theirs = new YenShortestPathsAlgorithm<int>(reference, 0, target, k, e => e.Tag).Execute()
                .Select(p => p.Sum(e => e.Tag))
                .ToList();
            Assert.Equal(theirs, ours.Select(p => p.Cost));
        }, iter: Iterations);
    }
}
