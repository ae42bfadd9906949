using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>COMMUNITY_MEASURABLE: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class CommunityMeasurableRuleTests
{
    private static readonly OpenWorld Rule = new("COMMUNITY_MEASURABLE");

    [Fact]
    public void Fire_CommunityLevel_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "community level", Given.Derived(Codes.LevelCommunity, 1));
    }

    [Fact]
    public void Fire_StrategicLevel_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(Codes.LevelCommunity, 0));
    }

    [Fact]
    public void Fire_LevelNotRecorded_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["LEVEL_COMMUNITY"]);
    }

    [Fact]
    public void Fire_MixedLevel_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["LEVEL_COMMUNITY"], Given.Derived(Codes.LevelCommunity, 0.5));
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_UserPerspectiveCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.UserPerspective, score, expected, Given.Derived(Codes.LevelCommunity, 1));
    }
}
