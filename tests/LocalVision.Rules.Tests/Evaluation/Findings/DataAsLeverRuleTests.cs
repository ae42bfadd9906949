using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>DATA_AS_LEVER: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class DataAsLeverRuleTests
{
    private static readonly OpenWorld Rule = new("DATA_AS_LEVER");

    [Fact]
    public void Fire_DataUsed_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "hold up the mirror", Given.Coded(Codes.DataAsLever, 1));
    }

    [Fact]
    public void Fire_DataNotUsed_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.DataAsLever, 0));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["DATA_AS_LEVER"]);
    }

    [Fact]
    public void Fire_StatedFocusOnly_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["DATA_AS_LEVER"], Given.Coded(Codes.DataAsLever, 0.5));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.DataAsLever, 1, "L")).Single("DATA_AS_LEVER").Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_HoldingUpTheMirrorCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.HoldingUpTheMirror, score, expected, Given.Coded(Codes.DataAsLever, 1));
    }
}
