using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>SHORT_NO_FOLLOW_ON: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class ShortNoFollowOnRuleTests
{
    private static readonly OpenWorld Rule = new("SHORT_NO_FOLLOW_ON");

    [Fact]
    public void Fire_ShortEndedNoFollowOn_FindsARisk()
    {
        Rule.AssertFinds(Polarity.Risk, "no follow-on funding", Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 1), Given.Coded(Codes.FollowOnFunding, 0));
    }

    [Fact]
    public void Fire_FollowedOn_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 1), Given.Derived(Codes.FollowOnFunding, 1));
    }

    [Fact]
    public void Fire_StillRunning_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 0), Given.Coded(Codes.FollowOnFunding, 0));
    }

    [Fact]
    public void Fire_LongProject_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(DerivedCodes.ShortFunded, 0), Given.Derived(DerivedCodes.Ended, 1), Given.Coded(Codes.FollowOnFunding, 0));
    }

    [Fact]
    public void Fire_FollowOnNotRecorded_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["FOLLOW_ON_FUNDING"], Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 1));
    }

    [Fact]
    public void Fire_DatesUnknown_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["SHORT_FUNDED", "ENDED"], Given.Coded(Codes.FollowOnFunding, 0));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 1), Given.Coded(Codes.FollowOnFunding, 0, "L")).Single("SHORT_NO_FOLLOW_ON").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Derived(DerivedCodes.ShortFunded, 1), Given.Derived(DerivedCodes.Ended, 1), Given.Coded(Codes.FollowOnFunding, 0)).Single("SHORT_NO_FOLLOW_ON").Mechanism);
    }
}
