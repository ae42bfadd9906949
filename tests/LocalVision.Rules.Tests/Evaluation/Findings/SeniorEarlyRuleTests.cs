using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>SENIOR_EARLY: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class SeniorEarlyRuleTests
{
    private static readonly OpenWorld Rule = new("SENIOR_EARLY");

    [Fact]
    public void Fire_SeniorPresent_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "from the outset", Given.Coded(Codes.SeniorEngagementEarly, 1));
    }

    [Fact]
    public void Fire_SeniorAbsent_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.SeniorEngagementEarly, 0));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["SENIOR_ENGAGEMENT_EARLY"]);
    }

    [Fact]
    public void Fire_SeniorPartly_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["SENIOR_ENGAGEMENT_EARLY"], Given.Coded(Codes.SeniorEngagementEarly, 0.5));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.SeniorEngagementEarly, 1, "L")).Single("SENIOR_EARLY").Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_NationalLegitimacyCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.NationalLegitimacy, score, expected, Given.Coded(Codes.SeniorEngagementEarly, 1));
    }
}
