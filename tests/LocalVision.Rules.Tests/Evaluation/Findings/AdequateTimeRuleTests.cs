using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>ADEQUATE_TIME: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class AdequateTimeRuleTests
{
    private static readonly OpenWorld Rule = new("ADEQUATE_TIME");

    [Fact]
    public void Fire_TimeEnough_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "judged sufficient", Given.Coded(Codes.AdequateTime, 1));
    }

    [Fact]
    public void Fire_TimeShort_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.AdequateTime, 0.25));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["ADEQUATE_TIME"]);
    }

    [Fact]
    public void Fire_SilosPersist_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["ADEQUATE_TIME"], Given.Coded(Codes.AdequateTime, 0.5));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.AdequateTime, 1, "L")).Single("ADEQUATE_TIME").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Coded(Codes.AdequateTime, 1)).Single("ADEQUATE_TIME").Mechanism);
    }
}
