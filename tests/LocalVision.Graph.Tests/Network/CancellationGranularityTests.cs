using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>
/// Every stage a network call runs after its projection is ready looks at the call's token at least once per
/// <see cref="CancellationCheck.Interval"/> units of work, not just once per source or iteration (issue #15: calls at
/// national scale answered RESOURCE_EXHAUSTED up to 7.7 s after their 30 s budget, each worker finishing the search it
/// was in). Each stage runs once on a graph of 300,000 arcs with one source or one iteration, counting the looks, and
/// again with the token cancelled at the middle look, which must stop it.
/// </summary>
public sealed class CancellationGranularityTests
{
    private const int Nodes = 50_000;
    private const int Ties = 150_000;

    private static readonly Lazy<NetworkProjection> ByHops = new(() => Generate(weighted: false));
    private static readonly Lazy<NetworkProjection> ByCost = new(() => Generate(weighted: true));

    /// <summary>Each stage with the least work it does in units: a pass over the ties, or over the nodes for ranking.</summary>
    public static TheoryData<string, int> Stages => new()
    {
        { "betweenness by hops, one source", Ties }, { "betweenness by cost, one source", Ties }, { "brokerage, one source", Ties },
        { "closeness by hops, one source", Ties }, { "harmonic by cost, one source", Ties }, { "pagerank, one iteration", Ties },
        { "ranking every node", Nodes }, { "weakly connected components", Ties }, { "louvain", Ties },
        { "label propagation, one iteration", Ties }, { "metrics from two sources", Ties }, { "removal from two sources", Ties },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void Stage_OneSourceOrPass_LooksAtTheTokenEveryInterval(string stage, int leastWork)
    {
        using var counting = new CancelAtLook(int.MaxValue);

        Run(stage, counting.Token);

        // A look per source or per iteration would be one or two here.
        Assert.True(counting.Looks >= leastWork / CancellationCheck.Interval, $"{counting.Looks} looks for at least {leastWork} units of work");
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Stage_TokenCancelledAtTheMiddleLook_Stops(string stage, int leastWork)
    {
        int all;
        using (var counting = new CancelAtLook(int.MaxValue))
        {
            Run(stage, counting.Token);
            all = counting.Looks;
        }
        var middle = Math.Max(2, all / 2);
        using var cancelling = new CancelAtLook(middle);

        Assert.ThrowsAny<OperationCanceledException>(() => Run(stage, cancelling.Token));
        // Stopped at that look, give or take one by another worker, far short of the whole run's looks.
        Assert.InRange(cancelling.Looks, middle, all - 1);
        Assert.True(all >= leastWork / CancellationCheck.Interval, $"{all} looks");
    }

    private static void Run(string stage, CancellationToken token)
    {
        var hops = ByHops.Value;
        var cost = ByCost.Value;
        _ = stage switch
        {
            "betweenness by hops, one source" => Centrality.SampledBetweenness(hops, pivots: 1, seed: 1, cancellationToken: token).Scores,
            "betweenness by cost, one source" => Centrality.SampledBetweenness(cost, pivots: 1, seed: 1, cancellationToken: token).Scores,
            "brokerage, one source" => Centrality.SampledBrokerage(hops, pivots: 1, seed: 1, groupOf: v => v % 3, cancellationToken: token).Scores,
            "closeness by hops, one source" => Centrality.SampledCloseness(hops, pivots: 1, seed: 1, cancellationToken: token).Scores,
            "harmonic by cost, one source" => Centrality.SampledHarmonic(cost, pivots: 1, seed: 1, cancellationToken: token).Scores,
            "pagerank, one iteration" => Centrality.PageRank(hops, iterations: 1, cancellationToken: token).Scores,
            "ranking every node" => Centrality.Rank(hops, Centrality.Degree(hops), cancellationToken: token),
            "weakly connected components" => Communities.WeaklyConnectedComponents(hops, token).Membership,
            "louvain" => Communities.Louvain(hops, maxLevels: 1, cancellationToken: token).Membership,
            "label propagation, one iteration" => Communities.LabelPropagation(hops, maxIterations: 1, cancellationToken: token).Membership,
            "metrics from two sources" => NetworkAnalysis.Metrics(hops, (IReadOnlyCollection<int>?)null, token, sampleSize: 2, seed: 1),
            "removal from two sources" => (object)NetworkAnalysis.SimulateRemoval(hops, (IReadOnlyCollection<int>?)null, 0, token, sampleSize: 2, seed: 1),
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "no such stage"),
        };
    }

    /// <summary>A seeded random graph: every node on a ring (so it is connected), the other ties at random.</summary>
    private static NetworkProjection Generate(bool weighted)
    {
        var random = new Random(15);
        var edges = new List<(int A, int B, double W)>(Ties);
        for (var i = 0; i < Nodes; i++)
        {
            edges.Add((i, (i + 1) % Nodes, 1 + random.Next(5)));
        }
        while (edges.Count < Ties)
        {
            var (a, b) = (random.Next(Nodes), random.Next(Nodes));
            if (a != b)
            {
                edges.Add((a, b, 1 + random.Next(5)));
            }
        }
        return weighted ? TextbookGraphs.FromWeightedEdges(Nodes, edges) : TextbookGraphs.FromEdges(Nodes, edges.Select(e => (e.A, e.B)));
    }
}
