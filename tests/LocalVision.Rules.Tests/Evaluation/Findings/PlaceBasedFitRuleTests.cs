using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>PLACE_BASED_FIT: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PlaceBasedFitRuleTests
{
    private static readonly OpenWorld Rule = new("PLACE_BASED_FIT");

    [Fact]
    public void Fire_Complementing_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "complementary place-based programme", Given.Derived(Codes.AlignedPlaceBased, 1, "COMPLEMENTS"));
    }

    [Fact]
    public void Fire_EffectNotRecorded_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "complementary place-based programme", Given.Derived(Codes.AlignedPlaceBased, 1));
    }

    [Fact]
    public void Fire_Distracting_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(Codes.AlignedPlaceBased, 1, "DISTRACTS"));
    }

    [Fact]
    public void Fire_CodedAbsent_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.AlignedPlaceBased, 0));
    }

    [Fact]
    public void Fire_NoAlignmentRecorded_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["ALIGNED_PLACE_BASED"]);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Derived(Codes.AlignedPlaceBased, 1, "COMPLEMENTS")).Single("PLACE_BASED_FIT").Mechanism);
    }
}
