using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>BURNING_PLATFORM: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class BurningPlatformRuleTests
{
    private static readonly OpenWorld Rule = new("BURNING_PLATFORM");

    [Fact]
    public void Fire_ImperativeSharedByPartners_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "range of partners", Given.Coded(Codes.BurningPlatform, 1), Given.Derived(DerivedCodes.SeveralPartners, 1));
    }

    [Fact]
    public void Fire_NoImperative_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.BurningPlatform, 0), Given.Derived(DerivedCodes.SeveralPartners, 1));
    }

    [Fact]
    public void Fire_TooFewPartnersRecorded_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["SEVERAL_PARTNERS"], Given.Coded(Codes.BurningPlatform, 1));
    }

    [Fact]
    public void Fire_ImperativeUnknown_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["BURNING_PLATFORM"], Given.Derived(DerivedCodes.SeveralPartners, 1));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.BurningPlatform, 1, "L"), Given.Derived(DerivedCodes.SeveralPartners, 1)).Single("BURNING_PLATFORM").Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_SharedNarrativeCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.SharedNarrative, score, expected, Given.Coded(Codes.BurningPlatform, 1), Given.Derived(DerivedCodes.SeveralPartners, 1));
    }
}
