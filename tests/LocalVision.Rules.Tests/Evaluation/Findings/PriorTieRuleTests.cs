using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>PRIOR_TIE: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PriorTieRuleTests
{
    private static readonly OpenWorld Rule = new("PRIOR_TIE");

    [Fact]
    public void Fire_TieDerived_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "already knew the Enabler", Given.Derived(Codes.PriorEnablerTie, 1));
    }

    [Fact]
    public void Fire_TieCoded_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "already knew the Enabler", Given.Coded(Codes.PriorEnablerTie, 0.75));
    }

    [Fact]
    public void Fire_TieCodedAbsent_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.PriorEnablerTie, 0));
    }

    [Fact]
    public void Fire_NoTieRecorded_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["PRIOR_ENABLER_TIE"]);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_TrustBuildingCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.TrustBuilding, score, expected, Given.Derived(Codes.PriorEnablerTie, 1));
    }
}
