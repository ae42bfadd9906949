using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>SENIOR_LATE: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class SeniorLateRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(SeniorLateRule), conditions);

    [Fact]
    public void Fire_SeniorAbsentInShortProject_FindsARisk()
    {
        var conditions = new[] { Given.Coded(Codes.SeniorEngagementEarly, 0), Given.Derived(DerivedCodes.ShortFunded, 1) };

        var finding = Fire(conditions).Single(RuleIds.SeniorLate);

        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("as the funding ends", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.SeniorLate);
    }

    [Fact]
    public void Fire_SeniorPresent_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.SeniorEngagementEarly, 1), Given.Derived(DerivedCodes.ShortFunded, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.SeniorLate);
    }

    [Fact]
    public void Fire_LongProject_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.SeniorEngagementEarly, 0), Given.Derived(DerivedCodes.ShortFunded, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.SeniorLate);
    }

    [Fact]
    public void Fire_SeniorUnknown_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Derived(DerivedCodes.ShortFunded, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.SeniorLate);
        Assert.Equal(["SENIOR_ENGAGEMENT_EARLY"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_DatesUnknown_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.SeniorEngagementEarly, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.SeniorLate);
        Assert.Equal(["SHORT_FUNDED"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.SeniorEngagementEarly, 0, "L"), Given.Derived(DerivedCodes.ShortFunded, 1)).Single(RuleIds.SeniorLate);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Coded(Codes.SeniorEngagementEarly, 0), Given.Derived(DerivedCodes.ShortFunded, 1)).Single(RuleIds.SeniorLate).Mechanism);
    }
}
