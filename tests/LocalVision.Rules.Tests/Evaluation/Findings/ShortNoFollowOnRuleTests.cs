using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>SHORT_NO_FOLLOW_ON: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class ShortNoFollowOnRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(ShortNoFollowOnRule), conditions);

    [Fact]
    public void Fire_ShortEndedNoFollowOn_FindsARisk()
    {
        var conditions = new[] { Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 1), Given.Coded(Codes.FollowOnFunding, 0) };

        var finding = Fire(conditions).Single(RuleIds.ShortNoFollowOn);

        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("no follow-on funding", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ShortNoFollowOn);
    }

    [Fact]
    public void Fire_FollowedOn_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 1), Given.Derived(Codes.FollowOnFunding, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ShortNoFollowOn);
    }

    [Fact]
    public void Fire_StillRunning_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 0), Given.Coded(Codes.FollowOnFunding, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ShortNoFollowOn);
    }

    [Fact]
    public void Fire_LongProject_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(DerivedCodes.ShortFunded, 0), Given.Derived(DerivedCodes.Ended, 1), Given.Coded(Codes.FollowOnFunding, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ShortNoFollowOn);
    }

    [Fact]
    public void Fire_FollowOnNotRecorded_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ShortNoFollowOn);
        Assert.Equal(["FOLLOW_ON_FUNDING"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_DatesUnknown_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.FollowOnFunding, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ShortNoFollowOn);
        Assert.Equal(["SHORT_FUNDED", "ENDED"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 1), Given.Coded(Codes.FollowOnFunding, 0, "L")).Single(RuleIds.ShortNoFollowOn);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 1), Given.Coded(Codes.FollowOnFunding, 0)).Single(RuleIds.ShortNoFollowOn).Mechanism);
    }
}
