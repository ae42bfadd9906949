using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>SCALE_UP_LIKELY: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class ScaleUpLikelyRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(ScaleUpLikelyRule), conditions);

    [Fact]
    public void Fire_FollowOnAndPriority_FindsAnIngredient()
    {
        var conditions = new[] { Given.Derived(Codes.FollowOnFunding, 1), Given.Coded(Codes.StrategicPriorityLink, 1) };

        var finding = Fire(conditions).Single(RuleIds.ScaleUpLikely);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("roll-out is likely", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ScaleUpLikely);
    }

    [Fact]
    public void Fire_NoPriorityLink_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(Codes.FollowOnFunding, 1), Given.Coded(Codes.StrategicPriorityLink, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ScaleUpLikely);
    }

    [Fact]
    public void Fire_NoFollowOn_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.FollowOnFunding, 0), Given.Coded(Codes.StrategicPriorityLink, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ScaleUpLikely);
    }

    [Fact]
    public void Fire_PriorityUnknown_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Derived(Codes.FollowOnFunding, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ScaleUpLikely);
        Assert.Equal(["STRATEGIC_PRIORITY_LINK"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_FollowOnUnknown_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.StrategicPriorityLink, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ScaleUpLikely);
        Assert.Equal(["FOLLOW_ON_FUNDING"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Derived(Codes.FollowOnFunding, 1), Given.Coded(Codes.StrategicPriorityLink, 1, "L")).Single(RuleIds.ScaleUpLikely);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Derived(Codes.FollowOnFunding, 1), Given.Coded(Codes.StrategicPriorityLink, 1)).Single(RuleIds.ScaleUpLikely).Mechanism);
    }
}
