using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>EXIT_HANDOVER: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class ExitHandoverRuleTests
{
    private static readonly OpenWorld Rule = new("EXIT_HANDOVER");

    [Fact]
    public void Fire_PlannedWithSuccessor_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "sustainable handover", Given.Coded(Codes.ExitPlanned, 1), Given.Coded(Codes.LocalSuccessor, 1));
    }

    [Fact]
    public void Fire_NoSuccessor_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.ExitPlanned, 1), Given.Coded(Codes.LocalSuccessor, 0));
    }

    [Fact]
    public void Fire_Unplanned_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.ExitPlanned, 0), Given.Coded(Codes.LocalSuccessor, 1));
    }

    [Fact]
    public void Fire_SuccessorUnknown_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["LOCAL_SUCCESSOR"], Given.Coded(Codes.ExitPlanned, 1));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.ExitPlanned, 1, "L"), Given.Coded(Codes.LocalSuccessor, 1, "L")).Single("EXIT_HANDOVER").Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_RoleModellingCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.RoleModelling, score, expected, Given.Coded(Codes.ExitPlanned, 1), Given.Coded(Codes.LocalSuccessor, 1));
    }
}
