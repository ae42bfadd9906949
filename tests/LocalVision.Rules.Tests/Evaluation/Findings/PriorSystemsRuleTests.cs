using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>PRIOR_SYSTEMS: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PriorSystemsRuleTests
{
    private static readonly OpenWorld Rule = new("PRIOR_SYSTEMS");

    [Fact]
    public void Fire_PriorSystemsWorkPresent_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "worked systemically before", Given.Coded(Codes.PriorSystemsWork, 1));
    }

    [Fact]
    public void Fire_PriorSystemsWorkAbsent_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.PriorSystemsWork, 0));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["PRIOR_SYSTEMS_WORK"]);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.PriorSystemsWork, 1, "L")).Single("PRIOR_SYSTEMS").Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_TrustBuildingCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.TrustBuilding, score, expected, Given.Coded(Codes.PriorSystemsWork, 1));
    }
}
