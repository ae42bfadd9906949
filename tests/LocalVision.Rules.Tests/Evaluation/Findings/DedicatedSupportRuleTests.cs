using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>DEDICATED_SUPPORT: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class DedicatedSupportRuleTests
{
    private static readonly OpenWorld Rule = new("DEDICATED_SUPPORT");

    [Fact]
    public void Fire_SupportPresent_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "dedicated project and administrative support", Given.Coded(Codes.DedicatedSupport, 1));
    }

    [Fact]
    public void Fire_SupportMostly_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "dedicated project and administrative support", Given.Coded(Codes.DedicatedSupport, 0.75));
    }

    [Fact]
    public void Fire_SupportAbsent_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.DedicatedSupport, 0));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["DEDICATED_SUPPORT"]);
    }

    [Fact]
    public void Fire_SupportPartly_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["DEDICATED_SUPPORT"], Given.Coded(Codes.DedicatedSupport, 0.5));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.DedicatedSupport, 1, "L")).Single("DEDICATED_SUPPORT").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Coded(Codes.DedicatedSupport, 1)).Single("DEDICATED_SUPPORT").Mechanism);
    }
}
