using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>STRATEGIC_NO_METRICS: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class StrategicNoMetricsRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(StrategicNoMetricsRule), conditions);

    [Fact]
    public void Fire_StrategicWithoutMetrics_FindsACaution()
    {
        var conditions = new[] { Given.Derived(Codes.LevelStrategic, 1), Given.Coded(Codes.OutcomeMetrics, 0.25) };

        var finding = Fire(conditions).Single(RuleIds.StrategicNoMetrics);

        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Contains("slow and hard to attribute", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.StrategicNoMetrics);
    }

    [Fact]
    public void Fire_CommunityLevel_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(Codes.LevelStrategic, 0), Given.Coded(Codes.OutcomeMetrics, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.StrategicNoMetrics);
    }

    [Fact]
    public void Fire_MetricsInPlace_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(Codes.LevelStrategic, 1), Given.Coded(Codes.OutcomeMetrics, 0.75) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.StrategicNoMetrics);
    }

    [Fact]
    public void Fire_MetricsNotCoded_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Derived(Codes.LevelStrategic, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.StrategicNoMetrics);
        Assert.Equal(["OUTCOME_METRICS"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_MixedLevel_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Derived(Codes.LevelStrategic, 0.5), Given.Coded(Codes.OutcomeMetrics, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.StrategicNoMetrics);
        Assert.Equal(["LEVEL_STRATEGIC"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Derived(Codes.LevelStrategic, 1), Given.Coded(Codes.OutcomeMetrics, 0.25, "L")).Single(RuleIds.StrategicNoMetrics);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Derived(Codes.LevelStrategic, 1), Given.Coded(Codes.OutcomeMetrics, 0.25)).Single(RuleIds.StrategicNoMetrics).Mechanism);
    }
}
