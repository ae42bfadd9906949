using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Insight;
using LocalVision.Rules.Tests.Evaluation.Support;
using LocalVision.Testing.Stores;

namespace LocalVision.Rules.Tests.Insight;

/// <summary>
/// On random open-world codings: BOUNDS' range of each consistency and coverage figure holds DROP_CASE's figure, its
/// ends are AS_ABSENT's and AS_PRESENT's, and every project is used by a condition or left out of it with the reason.
/// </summary>
public sealed class UnknownPolicyPropertyTests
{
    private static readonly DateOnly AsOf = new(2015, 9, 1);

    private static readonly string[] Conditions = [Codes.SeniorEngagementEarly, Codes.CommunityEngagement, Codes.DedicatedSupport];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Bounds_HoldDropCasesFiguresBetweenTheExtremes(int seed)
    {
        var random = new Random(seed);
        await using var temp = TempStore.Create();
        for (var i = 0; i < 10; i++)
        {
            var graph = new InitiativeGraph($"p{i}");
            if (random.NextDouble() < 0.9)
            {
                graph.Observe(Codes.Momentum, random.Next(2));
            }
            foreach (var code in Conditions.Where(_ => random.NextDouble() < 0.6))
            {
                graph.Observe(code, random.Next(2));
            }
            await temp.Store.WriteAsync(graph.Batch(), WriteOptions.None, CancellationToken.None);
        }
        var analysis = new InsightAnalysis(new InsightCases(new EvaluationEngine(temp.Store)));
        async Task<ConditionsReport> Run(UnknownPolicy policy) =>
            await analysis.AnalyzeConditionsAsync(new CaseSource(null, AsOf, policy), Codes.Momentum, Conditions, CancellationToken.None);

        var bounds = await Run(UnknownPolicy.Bounds);
        var absent = await Run(UnknownPolicy.AsAbsent);
        var present = await Run(UnknownPolicy.AsPresent);

        for (var i = 0; i < Conditions.Length; i++)
        {
            var report = bounds.Conditions[i];
            Assert.Equal(10, report.Cases.Count + report.Excluded.Count);
            if (report.Statistics is not { } point)
            {
                continue;
            }
            var b = report.Bounds!;
            Assert.True(b.SufficiencyConsistency.Contains(point.Sufficiency.Consistency), $"seed {seed}, {report.Condition}: sufficiency consistency");
            Assert.True(b.SufficiencyCoverage.Contains(point.Sufficiency.Coverage), $"seed {seed}, {report.Condition}: sufficiency coverage");
            Assert.True(b.NecessityConsistency.Contains(point.Necessity.Consistency), $"seed {seed}, {report.Condition}: necessity consistency");
            Assert.True(b.NecessityCoverage.Contains(point.Necessity.Coverage), $"seed {seed}, {report.Condition}: necessity coverage");
            var ends = new[] { absent.Conditions[i].Statistics!.Sufficiency.Coverage, present.Conditions[i].Statistics!.Sufficiency.Coverage };
            Assert.Equal(FigureRange.Of(ends), b.SufficiencyCoverage);
        }
    }
}
