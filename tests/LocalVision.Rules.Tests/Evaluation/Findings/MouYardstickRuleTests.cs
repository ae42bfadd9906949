using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>MOU_YARDSTICK: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class MouYardstickRuleTests
{
    private static readonly OpenWorld Rule = new("MOU_YARDSTICK");

    [Fact]
    public void Fire_MouAgreed_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "shared yardstick", Given.Coded(Codes.MouAgreed, 1));
    }

    [Fact]
    public void Fire_NoMouAgreed_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.MouAgreed, 0));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["MOU_AGREED"]);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.MouAgreed, 1, "L")).Single("MOU_YARDSTICK").Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_SharedNarrativeCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.SharedNarrative, score, expected, Given.Coded(Codes.MouAgreed, 1));
    }
}
