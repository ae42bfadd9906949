using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>ENABLER_MATCHED: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class EnablerMatchedRuleTests
{
    private static readonly OpenWorld Rule = new("ENABLER_MATCHED");

    [Fact]
    public void Fire_MatchedEnabler_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "well matched", Given.Coded(Codes.EnablerMatched, 1));
    }

    [Fact]
    public void Fire_PoorlyMatched_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.EnablerMatched, 0.25));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["ENABLER_MATCHED"]);
    }

    [Fact]
    public void Fire_VariableInValue_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["ENABLER_MATCHED"], Given.Coded(Codes.EnablerMatched, 0.5));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.EnablerMatched, 1, "L")).Single("ENABLER_MATCHED").Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_HoldingUpTheMirrorCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.HoldingUpTheMirror, score, expected, Given.Coded(Codes.EnablerMatched, 1));
    }
}
