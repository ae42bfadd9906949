using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>
/// Sampled closeness, harmonic and brokerage held against the exact measures: all sources give the exact scores, the
/// mean error falls as the sample grows, seeds repeat, and harmonic's stated bound holds.
/// </summary>
public sealed class SampledCentralityTests
{
    private const int Precision = 12;

    public static TheoryData<string> Measures => new() { "closeness", "harmonic", "brokerage" };

    private static readonly Func<int, int> Groups = v => v % 5 == 0 ? -1 : v % 3;

    private static double[] Exact(NetworkProjection projection, string measure, CancellationToken ct) => measure switch
    {
        "closeness" => Centrality.Closeness(projection, cancellationToken: ct),
        "harmonic" => Centrality.Harmonic(projection, cancellationToken: ct),
        _ => Centrality.Brokerage(projection, Groups, cancellationToken: ct),
    };

    private static CentralityResult Sampled(NetworkProjection projection, string measure, int k, int seed, CancellationToken ct)
    {
        if (measure == "brokerage")
        {
            var b = Centrality.SampledBrokerage(projection, k, seed, Groups, cancellationToken: ct);
            return new CentralityResult(b.Scores, b.StandardErrors, b.ErrorBound, b.Pivots.Count);
        }
        return measure == "closeness"
            ? Centrality.SampledCloseness(projection, k, seed, cancellationToken: ct)
            : Centrality.SampledHarmonic(projection, k, seed, cancellationToken: ct);
    }

    /// <summary>Karate, and karate beside a separate path and triangle (closeness then scales by the reachable share).</summary>
    public static IEnumerable<NetworkProjection> Graphs()
    {
        yield return TextbookGraphs.Karate();
        var extra = new[] { (34, 35), (35, 36), (36, 37), (38, 39), (39, 40), (40, 38) };
        yield return TextbookGraphs.FromEdges(41, TextbookGraphs.KarateEdges.Concat(extra));
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void AllSources_AreExact(string measure)
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var projection in Graphs())
        {
            var pool = measure == "brokerage" ? Enumerable.Range(0, projection.NodeCount).Count(v => Groups(v) >= 0) : projection.NodeCount;

            var sampled = Sampled(projection, measure, pool, seed: 4, ct);

            Assert.Equal(0, sampled.ErrorBound);
            Assert.All(sampled.StandardErrors!, e => Assert.Equal(0, e));
            Assert.Equal(Exact(projection, measure, ct).Select(s => Math.Round(s, Precision)), sampled.Scores.Select(s => Math.Round(s, Precision)));
        }
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void MeanAbsoluteError_FallsAsTheSampleGrows(string measure)
    {
        var ct = TestContext.Current.CancellationToken;
        var projection = TextbookGraphs.Karate();
        var exact = Exact(projection, measure, ct);
        var scale = exact.Max();

        // Averaged over 30 seeds so that the trend, not one lucky draw, is what is compared.
        double MeanError(int k) => Enumerable.Range(0, 30).Average(seed =>
        {
            var scores = Sampled(projection, measure, k, seed, ct).Scores;
            return Enumerable.Range(0, exact.Length).Average(v => Math.Abs(scores[v] - exact[v])) / scale;
        });
        var errors = new[] { 3, 6, 12, 24 }.Select(MeanError).ToArray();

        for (var i = 1; i < errors.Length; i++)
        {
            Assert.True(errors[i] < errors[i - 1], $"{measure}: mean error {errors[i]:g4} at step {i} is not below {errors[i - 1]:g4}");
        }
        Assert.True(errors[^1] < 0.5 * errors[0], $"{measure}: {errors[^1]:g4} against {errors[0]:g4}");
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void SameSeed_SameScores_OtherSeed_Others(string measure)
    {
        var ct = TestContext.Current.CancellationToken;
        var projection = TextbookGraphs.Karate();

        var a = Sampled(projection, measure, 8, seed: 3, ct);
        var b = Sampled(projection, measure, 8, seed: 3, ct);
        var c = Sampled(projection, measure, 8, seed: 11, ct);

        Assert.Equal(a.Scores, b.Scores);
        Assert.Equal(a.StandardErrors, b.StandardErrors);
        Assert.NotEqual(a.Scores, c.Scores);
        Assert.Equal(8, a.Sources);
        Assert.All(a.StandardErrors!, e => Assert.True(e >= 0 && double.IsFinite(e)));
    }

    [Fact]
    public void Harmonic_FewSources_WithinStatedBound()
    {
        var ct = TestContext.Current.CancellationToken;
        var projection = TextbookGraphs.Karate();
        var exact = Centrality.Harmonic(projection, cancellationToken: ct);

        foreach (var seed in Enumerable.Range(0, 10))
        {
            var sampled = Centrality.SampledHarmonic(projection, 6, seed, cancellationToken: ct);

            Assert.InRange(sampled.ErrorBound, 1, 100);
            Assert.All(Enumerable.Range(0, 34), v => Assert.InRange(Math.Abs(sampled.Scores[v] - exact[v]), 0, sampled.ErrorBound));
        }
    }

    [Fact]
    public void Closeness_StandardError_TracksTheSpreadOverSeeds()
    {
        // The delta-method standard error should be of the order of the scores' actual spread over samples.
        var ct = TestContext.Current.CancellationToken;
        var projection = TextbookGraphs.Karate();
        var runs = Enumerable.Range(0, 200).Select(seed => Centrality.SampledCloseness(projection, 10, seed, cancellationToken: ct)).ToList();

        var node = 0;
        var mean = runs.Average(r => r.Scores[node]);
        var spread = Math.Sqrt(runs.Sum(r => Math.Pow(r.Scores[node] - mean, 2)) / (runs.Count - 1));
        var stated = runs.Average(r => r.StandardErrors![node]);

        Assert.InRange(stated / spread, 0.5, 2.0);
        Assert.InRange(Math.Abs(mean - Centrality.Closeness(projection, cancellationToken: ct)[node]), 0, 3 * spread / Math.Sqrt(runs.Count) + 0.01);
    }
}
