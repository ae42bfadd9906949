using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>STRATEGIC_NO_METRICS: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class StrategicNoMetricsRuleTests
{
    private static readonly OpenWorld Rule = new("STRATEGIC_NO_METRICS");

    [Fact]
    public void Fire_StrategicWithoutMetrics_FindsACaution()
    {
        Rule.AssertFinds(Polarity.Caution, "slow and hard to attribute", Given.Derived(Codes.LevelStrategic, 1), Given.Coded(Codes.OutcomeMetrics, 0.25));
    }

    [Fact]
    public void Fire_CommunityLevel_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(Codes.LevelStrategic, 0), Given.Coded(Codes.OutcomeMetrics, 0));
    }

    [Fact]
    public void Fire_MetricsInPlace_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(Codes.LevelStrategic, 1), Given.Coded(Codes.OutcomeMetrics, 0.75));
    }

    [Fact]
    public void Fire_MetricsNotCoded_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["OUTCOME_METRICS"], Given.Derived(Codes.LevelStrategic, 1));
    }

    [Fact]
    public void Fire_MixedLevel_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["LEVEL_STRATEGIC"], Given.Derived(Codes.LevelStrategic, 0.5), Given.Coded(Codes.OutcomeMetrics, 0));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Derived(Codes.LevelStrategic, 1), Given.Coded(Codes.OutcomeMetrics, 0.25, "L")).Single("STRATEGIC_NO_METRICS").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Derived(Codes.LevelStrategic, 1), Given.Coded(Codes.OutcomeMetrics, 0.25)).Single("STRATEGIC_NO_METRICS").Mechanism);
    }
}
