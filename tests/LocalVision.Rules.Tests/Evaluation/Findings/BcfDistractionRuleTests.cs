using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>BCF_DISTRACTION: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class BcfDistractionRuleTests
{
    private static readonly OpenWorld Rule = new("BCF_DISTRACTION");

    [Fact]
    public void Fire_Distracting_FindsACaution()
    {
        Rule.AssertFinds(Polarity.Caution, "Better Care Fund", Given.Derived(Codes.AlignedBcf, 1, "DISTRACTS"));
    }

    [Fact]
    public void Fire_Mixed_FindsACaution()
    {
        Rule.AssertFinds(Polarity.Caution, "Better Care Fund", Given.Derived(Codes.AlignedBcf, 1, "MIXED"));
    }

    [Fact]
    public void Fire_OnlyComplementing_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(Codes.AlignedBcf, 1, "COMPLEMENTS"));
    }

    [Fact]
    public void Fire_CodedAbsent_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.AlignedBcf, 0));
    }

    [Fact]
    public void Fire_EffectNotRecorded_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["ALIGNED_BCF"], Given.Derived(Codes.AlignedBcf, 1));
    }

    [Fact]
    public void Fire_NoAlignmentRecorded_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["ALIGNED_BCF"]);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Derived(Codes.AlignedBcf, 1, "DISTRACTS")).Single("BCF_DISTRACTION").Mechanism);
    }
}
