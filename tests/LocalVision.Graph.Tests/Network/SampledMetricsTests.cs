using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>GetNetworkMetrics' and SimulateRemoval's sampled path measures held against the exact ones.</summary>
public sealed class SampledMetricsTests
{
    [Fact]
    public void EveryNode_IsExact_AndNotMarkedEstimated()
    {
        var ct = TestContext.Current.CancellationToken;
        var projection = TextbookGraphs.Karate();

        var exact = NetworkAnalysis.Metrics(projection, (IReadOnlyCollection<int>?)null, ct);
        var all = NetworkAnalysis.Metrics(projection, (IReadOnlyCollection<int>?)null, ct, sampleSize: 34, seed: 3);

        Assert.Equal(exact, all);
        Assert.False(all.IsEstimate);
    }

    [Fact]
    public void FewSources_AverageWithinAFewPercent_DiameterALowerBound_RestExact()
    {
        var ct = TestContext.Current.CancellationToken;
        // Karate beside a longer path, so that a sample can miss the diameter's ends.
        var projection = TextbookGraphs.FromEdges(44, TextbookGraphs.KarateEdges.Concat(Enumerable.Range(33, 10).Select(i => (i, i + 1))));
        var exact = NetworkAnalysis.Metrics(projection, (IReadOnlyCollection<int>?)null, ct);

        var runs = Enumerable.Range(0, 20).Select(seed => NetworkAnalysis.Metrics(projection, (IReadOnlyCollection<int>?)null, ct, sampleSize: 16, seed: seed)).ToList();

        Assert.All(runs, m =>
        {
            Assert.True(m.IsEstimate);
            Assert.Equal(16, m.SampledSources);
            Assert.InRange(m.Diameter, 1, exact.Diameter);
            Assert.Equal((exact.Nodes, exact.Edges, exact.Density, exact.Components, exact.ConnectedPairs, exact.Transitivity),
                (m.Nodes, m.Edges, m.Density, m.Components, m.ConnectedPairs, m.Transitivity));
        });
        var mean = runs.Average(m => m.AveragePathLength);
        Assert.InRange(Math.Abs(mean - exact.AveragePathLength) / exact.AveragePathLength, 0, 0.05);
        Assert.Contains(runs, m => m.AveragePathLength != exact.AveragePathLength);
        Assert.Equal(runs[0], NetworkAnalysis.Metrics(projection, (IReadOnlyCollection<int>?)null, ct, sampleSize: 16, seed: 0));
    }

    [Fact]
    public void SimulateRemoval_Sampled_BothSidesEstimated_ExactWithEveryNode()
    {
        var ct = TestContext.Current.CancellationToken;
        var projection = TextbookGraphs.Karate();

        var exact = NetworkAnalysis.SimulateRemoval(projection, (IReadOnlyCollection<int>?)null, 0, ct);
        var all = NetworkAnalysis.SimulateRemoval(projection, (IReadOnlyCollection<int>?)null, 0, ct, sampleSize: 40, seed: 1);
        var sampled = NetworkAnalysis.SimulateRemoval(projection, (IReadOnlyCollection<int>?)null, 0, ct, sampleSize: 12, seed: 1);

        Assert.Equal(exact with { Disconnected = all.Disconnected }, all);
        Assert.Equal(exact.Disconnected, all.Disconnected);
        Assert.True(sampled.Before.IsEstimate && sampled.After.IsEstimate);
        Assert.Equal(exact.After.Components, sampled.After.Components);
        Assert.Equal(exact.After.ConnectedPairs, sampled.After.ConnectedPairs);
    }
}
