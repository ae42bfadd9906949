using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>POLITICAL_MANDATE: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PoliticalMandateRuleTests
{
    private static readonly OpenWorld Rule = new("POLITICAL_MANDATE");

    [Fact]
    public void Fire_PoliticalPresent_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "elected members", Given.Coded(Codes.PoliticalEngagement, 0.75));
    }

    [Fact]
    public void Fire_PoliticalAbsent_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.PoliticalEngagement, 0.25));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["POLITICAL_ENGAGEMENT"]);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.PoliticalEngagement, 0.75, "L")).Single("POLITICAL_MANDATE").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Coded(Codes.PoliticalEngagement, 0.75)).Single("POLITICAL_MANDATE").Mechanism);
    }
}
