using System.Text.Json.Nodes;
using Grpc.Core;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using LocalVision.Server.Tests.Hosting;
using LocalVision.Testing.Builders;
using LocalVision.V1;
using Microsoft.Extensions.DependencyInjection;
using WriteOptions = LocalVision.Graph.Store.WriteOptions;

namespace LocalVision.Server.Tests.Network;

/// <summary>
/// Sampled betweenness, weights and PageRank's tolerance through a real channel, on Zachary's karate club (as
/// partners tied by COLLABORATES_WITH, each tie with an <c>hours</c> weight) and a weighted ring of initiatives.
/// Expected values are networkx 2.8.8's (igraph 0.10.2 agrees to 1e-14 on the weighted ones).
/// </summary>
public sealed class CentralityEstimateTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private NetworkService.NetworkServiceClient Client => new(_server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (int, int)[] Karate =
    [
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12), (0, 13), (0, 17), (0, 19), (0, 21), (0, 31),
        (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30), (2, 3), (2, 7), (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32),
        (3, 7), (3, 12), (3, 13), (4, 6), (4, 10), (5, 6), (5, 10), (5, 16), (6, 16), (8, 30), (8, 32), (8, 33), (9, 33), (13, 33), (14, 32),
        (14, 33), (15, 32), (15, 33), (18, 32), (18, 33), (19, 33), (20, 32), (20, 33), (22, 32), (22, 33), (23, 25), (23, 27), (23, 29),
        (23, 32), (23, 33), (24, 25), (24, 27), (24, 31), (25, 31), (26, 29), (26, 33), (27, 33), (28, 31), (28, 33), (29, 32), (29, 33),
        (30, 32), (30, 33), (31, 32), (31, 33), (32, 33),
    ];

    /// <summary>networkx.betweenness_centrality(karate_club_graph()), by node.</summary>
    private static readonly double[] ExactBetweenness =
    [
        0.43763528138528146, 0.053936688311688304, 0.14365680615680618, 0.011909271284271283, 0.0006313131313131313, 0.02998737373737374,
        0.029987373737373736, 0.0, 0.05592682780182781, 0.0008477633477633478, 0.0006313131313131313, 0.0, 0.0, 0.04586339586339586, 0.0, 0.0,
        0.0, 0.0, 0.0, 0.03247504810004811, 0.0, 0.0, 0.0, 0.017613636363636363, 0.0022095959595959595, 0.0038404882154882154, 0.0,
        0.02233345358345358, 0.0017947330447330447, 0.0029220779220779218, 0.014411976911976909, 0.13827561327561325, 0.145247113997114,
        0.30407497594997596,
    ];

    /// <summary>networkx.betweenness_centrality(g, weight="hours"): hours as the cost of a tie.</summary>
    private static readonly double[] WeightedBetweenness =
    [
        0.38715277777777785, 0.060763888888888895, 0.28248106060606054, 0.027462121212121212, 0.0, 0.030303030303030304, 0.029356060606060608,
        0.009154040404040404, 0.03276515151515152, 0.00037878787878787884, 0.0, 0.0, 0.00441919191919192, 0.10754419191919191, 0.0, 0.0, 0.0,
        0.0, 0.0020833333333333337, 0.006628787878787879, 0.0, 0.0, 0.0, 0.06085858585858586, 0.0, 0.0, 0.0, 0.02048611111111111,
        0.00037878787878787884, 0.0, 0.007575757575757576, 0.06455176767676767, 0.25135732323232324, 0.29738005050505056,
    ];

    /// <summary>networkx.pagerank(g, weight="hours", tol=1e-15): hours as the strength of a tie.</summary>
    private static readonly double[] WeightedPageRank =
    [
        0.10251188607368945, 0.05613735840252409, 0.05151600435635095, 0.036474452356024006, 0.023815862207462873, 0.028325302223366468,
        0.028131796933141447, 0.02119946312587127, 0.029546458532201777, 0.01266593621684604, 0.017525050330027735, 0.011245890444128524,
        0.012996041658775642, 0.026125028199058306, 0.01772626296485499, 0.016084287575926275, 0.01621618813393406, 0.014410448904956671,
        0.011064311331485966, 0.022774956908680918, 0.016084287575926275, 0.01289129577661633, 0.01275331175924176, 0.02717835749449838,
        0.024269283944701157, 0.02217404075751509, 0.01645899857882306, 0.027422234643432505, 0.020952615805501576, 0.0348274121939646,
        0.024369102207039244, 0.041424155980036056, 0.0683852813601014, 0.09431663504329503,
    ];

    private static int Hours(int i, int j) => 1 + (((i * 7) + (j * 3)) % 5);

    private static string Member(int i) => $"partners/karate-{i:D2}";

    public async ValueTask InitializeAsync()
    {
        _server = await RunningServer.StartAsync(seed: false);
        var store = _server.Services.GetRequiredService<IGraphStore>();
        var members = Enumerable.Range(0, 34).Select(i => GraphBuilders.Partner($"karate-{i:D2}", i % 2 == 0 ? "CCG" : "LOCAL_AUTHORITY")).ToList();
        var ring = Enumerable.Range(0, 6).Select(i => GraphBuilders.Initiative($"ring-{i}")).ToList();
        var ties = Karate.Select(e => GraphBuilders.Relationship("COLLABORATES_WITH", members[e.Item1], members[e.Item2], new JsonObject
        {
            ["hours"] = Hours(e.Item1, e.Item2),
            // One tie says its note in words and one has a negative offset: weights the projection must refuse.
            ["note"] = e == (0, 1) ? JsonValue.Create("weekly") : JsonValue.Create(3),
            ["offset"] = e == (32, 33) ? -1 : 2,
        })).ToList();
        // A ring whose heavy ties pair 0-1, 2-3 and 4-5: unweighted, networkx splits it 0-5, 1-2, 3-4 instead.
        int[] ringHours = [10, 1, 10, 1, 10, 1];
        ties.AddRange(Enumerable.Range(0, 6).Select(i => GraphBuilders.Relationship("FOLLOWED_BY", ring[i], ring[(i + 1) % 6], new JsonObject { ["hours"] = ringHours[i] })));
        await store.WriteAsync(new GraphBatch([.. members, .. ring], ties), WriteOptions.None, Ct);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task SampledBetweenness_Karate_ConvergesToNetworkxAsTheSampleGrows()
    {
        int[] sizes = [4, 10, 20, 30];
        var meanErrors = new List<double>();
        foreach (var size in sizes)
        {
            var errors = new List<double>();
            for (var seed = 1; seed <= 5; seed++)
            {
                var scores = await BetweennessAsync(size, seed);
                var bound = scores.Values.First().ErrorBound;
                Assert.All(scores.Values, s => Assert.Equal(bound, s.ErrorBound));
                Assert.True(bound > 0, "a sample of fewer sources than nodes reported no error bound");
                // Hoeffding's bound is conservative: every node's estimate is within it.
                Assert.All(Enumerable.Range(0, 34), v => Assert.InRange(Math.Abs(scores[Member(v)].Score - ExactBetweenness[v]), 0, bound));
                Assert.Contains(scores.Values, s => s.StandardError > 0);
                errors.Add(Math.Sqrt(Enumerable.Range(0, 34).Average(v => Math.Pow(scores[Member(v)].Score - ExactBetweenness[v], 2))));
            }
            meanErrors.Add(errors.Average());
        }
        var all = await BetweennessAsync(34, seed: 1);

        // The error shrinks as the sample grows, and with every source the estimate is networkx's exact value.
        Assert.True(meanErrors.Zip(meanErrors.Skip(1)).All(p => p.First > p.Second), $"RMS errors by sample size: {string.Join(", ", meanErrors)}");
        Assert.All(Enumerable.Range(0, 34), v => Assert.Equal(ExactBetweenness[v], all[Member(v)].Score, 12));
        Assert.All(all.Values, s => Assert.Equal((0.0, 0.0), (s.StandardError, s.ErrorBound)));
    }

    [Theory]
    [InlineData(CentralityAlgorithm.Closeness)]
    [InlineData(CentralityAlgorithm.Harmonic)]
    [InlineData(CentralityAlgorithm.Brokerage)]
    public async Task SampledPathMeasures_AllSourcesExact_FewSourcesRepeatWithErrors(CentralityAlgorithm algorithm)
    {
        var exact = await ScoresAsync(new ComputeCentralityRequest { Algorithm = algorithm });
        var all = await ScoresAsync(new ComputeCentralityRequest { Algorithm = algorithm, SampleSize = 34, Seed = 2 });
        var a = await ScoresAsync(new ComputeCentralityRequest { Algorithm = algorithm, SampleSize = 10, Seed = 5 });
        var b = await ScoresAsync(new ComputeCentralityRequest { Algorithm = algorithm, SampleSize = 10, Seed = 5 });

        Assert.All(exact.Keys, name => Assert.Equal(exact[name].Score, all[name].Score, 12));
        Assert.All(all.Values, s => Assert.Equal((0.0, 0.0), (s.StandardError, s.ErrorBound)));
        Assert.Equal(a.Values.Select(s => (s.Name, s.Score, s.StandardError)).Order(), b.Values.Select(s => (s.Name, s.Score, s.StandardError)).Order());
        Assert.Contains(a.Keys, name => Math.Abs(a[name].Score - exact[name].Score) > 1e-9);
        Assert.Contains(a.Values, s => s.StandardError > 0);
        // Closeness is a ratio of two estimates and carries no bound; harmonic and brokerage carry Hoeffding's.
        Assert.All(a.Values, s => Assert.Equal(algorithm == CentralityAlgorithm.Closeness ? 0 : a.Values.First().ErrorBound, s.ErrorBound));
        if (algorithm != CentralityAlgorithm.Closeness)
        {
            Assert.All(a.Keys, name => Assert.InRange(Math.Abs(a[name].Score - exact[name].Score), 0, a[name].ErrorBound));
        }
    }

    [Fact]
    public async Task SampledBetweenness_StandardErrors_ShrinkAsTheSampleGrows()
    {
        var small = await BetweennessAsync(8, seed: 3);
        var large = await BetweennessAsync(24, seed: 3);

        // Node 0 (the instructor) lies on many paths from every source: its spread is wide, and narrows with more sources.
        Assert.True(small[Member(0)].StandardError > large[Member(0)].StandardError,
            $"standard error of node 0: {small[Member(0)].StandardError} with 8 sources, {large[Member(0)].StandardError} with 24");
        Assert.True(small[Member(0)].ErrorBound > large[Member(0)].ErrorBound);
    }

    [Fact]
    public async Task SampledBetweenness_SameSeed_SameAnswer_OtherSeed_OtherSample()
    {
        var first = await BetweennessAsync(10, seed: 42);
        var again = await BetweennessAsync(10, seed: 42);
        var other = await BetweennessAsync(10, seed: 43);

        Assert.Equal(first.Values.Select(s => (s.Name, s.Score, s.StandardError)), again.Values.Select(s => (s.Name, s.Score, s.StandardError)));
        Assert.NotEqual(first.Values.Select(s => s.Score), other.Values.Select(s => s.Score));
    }

    [Fact]
    public async Task WeightedBetweenness_HoursAsCost_MatchesNetworkx()
    {
        var scores = await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Betweenness, WeightProperty = "hours" });

        Assert.All(Enumerable.Range(0, 34), v => Assert.Equal(WeightedBetweenness[v], scores[Member(v)].Score, 12));
    }

    [Fact]
    public async Task WeightedPageRank_HoursAsStrength_MatchesNetworkxToTheDefaultTolerance()
    {
        var scores = await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Pagerank, WeightProperty = "hours" });
        var loose = await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Pagerank, WeightProperty = "hours", Tolerance = 1e-2 });

        // The default stops once the scores move by less than 1e-10 in all; a loose tolerance stops early and is visibly off.
        Assert.All(Enumerable.Range(0, 34), v => Assert.InRange(Math.Abs(scores[Member(v)].Score - WeightedPageRank[v]), 0, 1e-9));
        Assert.Contains(Enumerable.Range(0, 34), v => Math.Abs(loose[Member(v)].Score - WeightedPageRank[v]) > 1e-6);
    }

    [Fact]
    public async Task WeightProperty_MissingEverywhere_WeighsEveryTieOne()
    {
        var scores = await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Betweenness, WeightProperty = "minutes" });

        Assert.All(Enumerable.Range(0, 34), v => Assert.Equal(ExactBetweenness[v], scores[Member(v)].Score, 12));
    }

    [Theory]
    [InlineData("note", "not a number")]
    [InlineData("offset", "non-negative")]
    public async Task WeightProperty_NonNumericOrNegative_IsInvalidArgumentNamingTheTie(string property, string reason)
    {
        var centrality = new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Degree, WeightProperty = property, Labels = { "Partner" } };
        var communities = new DetectCommunitiesRequest { Algorithm = CommunityAlgorithm.Louvain, WeightProperty = property, Labels = { "Partner" } };

        var first = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, async () => await ScoresAsync(centrality));
        var second = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.DetectCommunitiesAsync(communities, cancellationToken: Ct).ResponseAsync);

        foreach (var error in new[] { first, second })
        {
            RpcAssert.HasViolation(error, "weight_property");
            Assert.Contains(reason, error.Status.Detail + string.Join(" ", error.GetRpcStatus()!.Details.Select(d => d.ToString())), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WeightedLouvain_HeavyTiesOfTheRing_AreTheCommunities_AsInNetworkxAndIgraph()
    {
        var response = await Client.DetectCommunitiesAsync(new DetectCommunitiesRequest
        {
            Algorithm = CommunityAlgorithm.Louvain, WeightProperty = "hours", Labels = { "Initiative" },
        }, cancellationToken: Ct);

        Assert.Equal(
            [["initiatives/ring-0", "initiatives/ring-1"], ["initiatives/ring-2", "initiatives/ring-3"], ["initiatives/ring-4", "initiatives/ring-5"]],
            response.Communities.Select(c => c.Members.Order(StringComparer.Ordinal).ToArray()).OrderBy(c => c[0], StringComparer.Ordinal).ToArray());
        Assert.Equal(0.5757575757575758, response.Modularity, 12);
    }

    [Fact]
    public async Task SampleSizeAndTolerance_OutOfRangeOrForAnotherMeasure_AreInvalidArgument()
    {
        var one = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            async () => await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Betweenness, SampleSize = 1 }));
        var negative = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            async () => await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Betweenness, SampleSize = -5 }));
        var misplaced = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            async () => await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Degree, SampleSize = 10, Tolerance = 1e-6 }));
        var pageRank = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            async () => await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Pagerank, SampleSize = 10 }));
        var closeness = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            async () => await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Closeness, SampleSize = 1 }));
        var tolerance = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            async () => await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Pagerank, Tolerance = -1 }));

        RpcAssert.HasViolation(one, "sample_size");
        RpcAssert.HasViolation(negative, "sample_size");
        RpcAssert.HasViolation(misplaced, "sample_size");
        RpcAssert.HasViolation(misplaced, "tolerance");
        RpcAssert.HasViolation(pageRank, "sample_size");
        RpcAssert.HasViolation(closeness, "sample_size");
        RpcAssert.HasViolation(tolerance, "tolerance");
    }

    private async Task<Dictionary<string, V1.CentralityScore>> BetweennessAsync(int sampleSize, int seed) =>
        await ScoresAsync(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Betweenness, SampleSize = sampleSize, Seed = seed });

    /// <summary>Every karate member's score (the ring is left out by the Partner label).</summary>
    private async Task<Dictionary<string, V1.CentralityScore>> ScoresAsync(ComputeCentralityRequest request)
    {
        request.Top = 100;
        if (request.Labels.Count == 0)
        {
            request.Labels.Add("Partner");
        }
        using var call = Client.ComputeCentrality(request, cancellationToken: Ct);
        var scores = await call.ResponseStream.ReadAllAsync(Ct).ToListAsync(Ct);
        return scores.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }
}
