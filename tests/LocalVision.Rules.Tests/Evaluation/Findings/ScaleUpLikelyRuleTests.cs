using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>SCALE_UP_LIKELY: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class ScaleUpLikelyRuleTests
{
    private static readonly OpenWorld Rule = new("SCALE_UP_LIKELY");

    [Fact]
    public void Fire_FollowOnAndPriority_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "roll-out is likely", Given.Derived(Codes.FollowOnFunding, 1), Given.Coded(Codes.StrategicPriorityLink, 1));
    }

    [Fact]
    public void Fire_NoPriorityLink_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(Codes.FollowOnFunding, 1), Given.Coded(Codes.StrategicPriorityLink, 0));
    }

    [Fact]
    public void Fire_NoFollowOn_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.FollowOnFunding, 0), Given.Coded(Codes.StrategicPriorityLink, 1));
    }

    [Fact]
    public void Fire_PriorityUnknown_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["STRATEGIC_PRIORITY_LINK"], Given.Derived(Codes.FollowOnFunding, 1));
    }

    [Fact]
    public void Fire_FollowOnUnknown_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["FOLLOW_ON_FUNDING"], Given.Coded(Codes.StrategicPriorityLink, 1));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Derived(Codes.FollowOnFunding, 1), Given.Coded(Codes.StrategicPriorityLink, 1, "L")).Single("SCALE_UP_LIKELY").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Derived(Codes.FollowOnFunding, 1), Given.Coded(Codes.StrategicPriorityLink, 1)).Single("SCALE_UP_LIKELY").Mechanism);
    }
}
