using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class StrategicNoMetricsRuleTests
{
    [Fact]
    public void Fire_StrategicWithoutMetrics_FindsCautionCitingBoth()
    {
        var run = RuleRun.Fire(typeof(StrategicNoMetricsRule), Given.Settings(), Given.Initiative(),
            Given.Derived(Codes.LevelStrategic, 1), Given.Coded(Codes.OutcomeMetrics, 0.25));

        var finding = run.Single(RuleIds.StrategicNoMetrics);
        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Equal(["observations/test-outcome-metrics"], finding.Observations);
        Assert.Equal(Codes.LevelStrategic, Assert.Single(finding.DerivedFacts).Code);
    }

    [Fact]
    public void Fire_FromLevelProperty_FiresThroughTheDerivation()
    {
        var run = RuleRun.Fire([typeof(StrategicNoMetricsRule), typeof(StrategicLevelRule), typeof(LatestObservationRule), typeof(ResolveConditionRule)],
            [Given.Settings(), Given.Initiative(level: "STRATEGIC"), Given.Observation(Codes.OutcomeMetrics, 0)]);

        run.Single(RuleIds.StrategicNoMetrics);
    }

    [Fact]
    public void Fire_MixedLevel_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(StrategicNoMetricsRule), Given.Settings(), Given.Initiative(),
            Given.Derived(Codes.LevelStrategic, 0.5), Given.Coded(Codes.OutcomeMetrics, 0));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_MetricsInPlace_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(StrategicNoMetricsRule), Given.Settings(), Given.Initiative(),
            Given.Derived(Codes.LevelStrategic, 1), Given.Coded(Codes.OutcomeMetrics, 0.75));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_MetricsUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(StrategicNoMetricsRule), Given.Settings(), Given.Initiative(), Given.Derived(Codes.LevelStrategic, 1));

        Assert.Empty(run.Findings);
    }
}
