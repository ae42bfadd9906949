using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>SENIOR_LATE: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class SeniorLateRuleTests
{
    private static readonly OpenWorld Rule = new("SENIOR_LATE");

    [Fact]
    public void Fire_SeniorAbsentInShortProject_FindsARisk()
    {
        Rule.AssertFinds(Polarity.Risk, "as the funding ends", Given.Coded(Codes.SeniorEngagementEarly, 0), Given.Derived(DerivedCodes.ShortFunded, 1));
    }

    [Fact]
    public void Fire_SeniorPresent_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.SeniorEngagementEarly, 1), Given.Derived(DerivedCodes.ShortFunded, 1));
    }

    [Fact]
    public void Fire_LongProject_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.SeniorEngagementEarly, 0), Given.Derived(DerivedCodes.ShortFunded, 0));
    }

    [Fact]
    public void Fire_SeniorUnknown_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["SENIOR_ENGAGEMENT_EARLY"], Given.Derived(DerivedCodes.ShortFunded, 1));
    }

    [Fact]
    public void Fire_DatesUnknown_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["SHORT_FUNDED"], Given.Coded(Codes.SeniorEngagementEarly, 0));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.SeniorEngagementEarly, 0, "L"), Given.Derived(DerivedCodes.ShortFunded, 1)).Single("SENIOR_LATE").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Coded(Codes.SeniorEngagementEarly, 0), Given.Derived(DerivedCodes.ShortFunded, 1)).Single("SENIOR_LATE").Mechanism);
    }
}
