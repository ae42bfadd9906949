using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>LEARNING_NETWORK: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class LearningNetworkRuleTests
{
    private static readonly OpenWorld Rule = new("LEARNING_NETWORK");

    [Fact]
    public void Fire_TookPart_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "learning-network days", Given.Coded(Codes.LearningNetwork, 0.75));
    }

    [Fact]
    public void Fire_DidNotTakePart_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.LearningNetwork, 0));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["LEARNING_NETWORK"]);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.LearningNetwork, 0.75, "L")).Single("LEARNING_NETWORK").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Coded(Codes.LearningNetwork, 0.75)).Single("LEARNING_NETWORK").Mechanism);
    }
}
