using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>FOCUSED: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class FocusedRuleTests
{
    private static readonly OpenWorld Rule = new("FOCUSED");

    [Fact]
    public void Fire_FocusedProblemPresent_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "distinct focus", Given.Coded(Codes.FocusedProblem, 1));
    }

    [Fact]
    public void Fire_FocusedProblemMostly_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "distinct focus", Given.Coded(Codes.FocusedProblem, 0.75));
    }

    [Fact]
    public void Fire_FocusedProblemBarely_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.FocusedProblem, 0.25));
    }

    [Fact]
    public void Fire_NoFocusObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["FOCUSED_PROBLEM"]);
    }

    [Fact]
    public void Fire_FocusPartly_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["FOCUSED_PROBLEM"], Given.Coded(Codes.FocusedProblem, 0.5));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.FocusedProblem, 1, "L")).Single("FOCUSED").Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_SharedNarrativeCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.SharedNarrative, score, expected, Given.Coded(Codes.FocusedProblem, 1));
    }
}
