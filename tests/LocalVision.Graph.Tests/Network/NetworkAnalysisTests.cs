using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

public sealed class NetworkAnalysisTests
{
    [Fact]
    public void Metrics_Karate_MatchesNetworkx()
    {
        var metrics = NetworkAnalysis.Metrics(TextbookGraphs.Karate(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(34, metrics.Nodes);
        Assert.Equal(78, metrics.Edges);
        Assert.Equal(0.13903743315508021, metrics.Density, 12);
        Assert.Equal(2.408199643493761, metrics.AveragePathLength, 12);
        Assert.Equal(5, metrics.Diameter);
        Assert.Equal(0.5706384782076823, metrics.AverageClustering, 12);
        Assert.Equal(0.2556818181818182, metrics.Transitivity, 12);
        Assert.Equal(0.3996212121212121, metrics.DegreeCentralization, 12);
        Assert.Equal(1, metrics.Components);
        Assert.Equal(34 * 33 / 2, metrics.ConnectedPairs);
    }

    [Fact]
    public void Metrics_Star_FullyCentralised()
    {
        var metrics = NetworkAnalysis.Metrics(TextbookGraphs.Star(6), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, metrics.DegreeCentralization, 12);
        Assert.Equal(2, metrics.Diameter);
        Assert.Equal(0, metrics.AverageClustering);
    }

    [Fact]
    public void Metrics_Complete_DensityAndClusteringOne()
    {
        var metrics = NetworkAnalysis.Metrics(TextbookGraphs.Complete(5), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, metrics.Density);
        Assert.Equal(1, metrics.AverageClustering);
        Assert.Equal(1, metrics.Transitivity);
        Assert.Equal(0, metrics.DegreeCentralization);
        Assert.Equal(1, metrics.AveragePathLength);
    }

    [Fact]
    public void Metrics_ParallelAndReverseRelationships_CountOnceAsEdges()
    {
        var projection = TextbookGraphs.FromEdges(2, [(0, 1), (1, 0), (0, 0)], ProjectionDirection.Directed);

        var metrics = NetworkAnalysis.Metrics(projection, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, metrics.Edges);
        Assert.Equal(3, metrics.Relationships);
        Assert.Equal(1, metrics.Density);
    }

    [Fact]
    public void Metrics_Scope_OnlyNodesInIt()
    {
        var metrics = NetworkAnalysis.Metrics(TextbookGraphs.Path(6), (IReadOnlyCollection<string>)["n/0", "n/1", "n/2", "n/unknown"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, metrics.Nodes);
        Assert.Equal(2, metrics.Edges);
        Assert.Equal(2, metrics.Diameter);
    }

    [Fact]
    public void Metrics_Disconnected_PathLengthsOverConnectedPairs()
    {
        var metrics = NetworkAnalysis.Metrics(TextbookGraphs.FromEdges(5, [(0, 1), (1, 2), (3, 4)]), cancellationToken: TestContext.Current.CancellationToken);

        // Pairs: (0,1)=1 (1,2)=1 (0,2)=2 (3,4)=1 -> mean 5/4.
        Assert.Equal(1.25, metrics.AveragePathLength, 12);
        Assert.Equal(2, metrics.Diameter);
        Assert.Equal(2, metrics.Components);
        Assert.Equal(4, metrics.ConnectedPairs);
    }

    [Fact]
    public void SimulateRemoval_StarCentre_LeavesIsolatedLeaves()
    {
        var impact = NetworkAnalysis.SimulateRemoval(TextbookGraphs.Star(5), (IReadOnlyCollection<string>?)null, "n/0", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("n/0", impact.Removed);
        Assert.Equal(4, impact.Before.Edges);
        Assert.Equal(0, impact.After.Edges);
        Assert.Equal(4, impact.After.Nodes);
        Assert.Equal(4, impact.After.Components);
        Assert.Equal(0, impact.After.ConnectedPairs);
        Assert.Equal(10, impact.Before.ConnectedPairs);
        // Every leaf is a part of its own; the first found is "the rest", the others are cut off.
        Assert.Equal(["n/2", "n/3", "n/4"], impact.Disconnected);
    }

    [Fact]
    public void SimulateRemoval_Bridge_CutsOffTheSmallerSide()
    {
        // A triangle 1-2-3 and a pair 4-5, joined only through 0.
        var projection = TextbookGraphs.FromEdges(6, [(1, 2), (2, 3), (1, 3), (3, 0), (0, 4), (4, 5)]);

        var impact = NetworkAnalysis.SimulateRemoval(projection, (IReadOnlyCollection<int>?)null, 0, TestContext.Current.CancellationToken);
        var scoped = NetworkAnalysis.SimulateRemoval(projection, [0, 1, 3, 4], 0, TestContext.Current.CancellationToken);

        Assert.Equal(["n/4", "n/5"], impact.Disconnected);
        // Within the scope the triangle's side is 1 and 3, the other side 4 alone.
        Assert.Equal(["n/4"], scoped.Disconnected);
    }

    [Fact]
    public void SimulateRemoval_UnknownNode_Throws()
    {
        Assert.Throws<ArgumentException>(() => NetworkAnalysis.SimulateRemoval(TextbookGraphs.Star(3), (IReadOnlyCollection<string>?)null, "n/9", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Compare_TwoProjections_ListsGainedAndLostTies()
    {
        var then = TextbookGraphs.FromEdges(3, [(0, 1), (1, 2)]);
        var now = TextbookGraphs.FromEdges(3, [(0, 1), (0, 2)]);

        var change = NetworkAnalysis.Compare(then, now, null, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([new("COLLABORATES_WITH", "n/0", "n/2")], change.Gained);
        Assert.Equal([new("COLLABORATES_WITH", "n/1", "n/2")], change.Lost);
        Assert.Equal(2, change.Then.Edges);
        Assert.Equal(2, change.Now.Edges);
    }
}
