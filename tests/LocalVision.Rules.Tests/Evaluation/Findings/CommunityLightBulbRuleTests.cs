using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>COMMUNITY_LIGHT_BULB: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class CommunityLightBulbRuleTests
{
    private static readonly OpenWorld Rule = new("COMMUNITY_LIGHT_BULB");

    [Fact]
    public void Fire_CommunityMet_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "light bulb", Given.Coded(Codes.CommunityEngagement, 1));
    }

    [Fact]
    public void Fire_CommunityNotMet_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.CommunityEngagement, 0));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["COMMUNITY_ENGAGEMENT"]);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.CommunityEngagement, 1, "L")).Single("COMMUNITY_LIGHT_BULB").Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_UserPerspectiveCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.UserPerspective, score, expected, Given.Coded(Codes.CommunityEngagement, 1));
    }
}
