using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>EXIT_NO_SUCCESSOR: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class ExitNoSuccessorRuleTests
{
    private static readonly OpenWorld Rule = new("EXIT_NO_SUCCESSOR");

    [Fact]
    public void Fire_ExitWithoutSuccessor_FindsARisk()
    {
        Rule.AssertFinds(Polarity.Risk, "no local successor", Given.Derived(DerivedCodes.EnablerExit, 1), Given.Coded(Codes.LocalSuccessor, 0));
    }

    [Fact]
    public void Fire_SuccessorInPlace_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(DerivedCodes.EnablerExit, 1), Given.Coded(Codes.LocalSuccessor, 1));
    }

    [Fact]
    public void Fire_EnablerStays_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(DerivedCodes.EnablerExit, 0), Given.Coded(Codes.LocalSuccessor, 0));
    }

    [Fact]
    public void Fire_SuccessorUnknown_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["LOCAL_SUCCESSOR"], Given.Derived(DerivedCodes.EnablerExit, 1));
    }

    [Fact]
    public void Fire_NoEngagementRecorded_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["ENABLER_EXIT"], Given.Coded(Codes.LocalSuccessor, 0));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Derived(DerivedCodes.EnablerExit, 1), Given.Coded(Codes.LocalSuccessor, 0, "L")).Single("EXIT_NO_SUCCESSOR").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Derived(DerivedCodes.EnablerExit, 1), Given.Coded(Codes.LocalSuccessor, 0)).Single("EXIT_NO_SUCCESSOR").Mechanism);
    }
}
