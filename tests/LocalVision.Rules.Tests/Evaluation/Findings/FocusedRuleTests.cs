using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>FOCUSED: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class FocusedRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(FocusedRule), conditions);

    [Fact]
    public void Fire_FocusedProblemPresent_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.FocusedProblem, 1) };

        var finding = Fire(conditions).Single(RuleIds.Focused);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("distinct focus", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.Focused);
    }

    [Fact]
    public void Fire_FocusedProblemMostly_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.FocusedProblem, 0.75) };

        var finding = Fire(conditions).Single(RuleIds.Focused);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("distinct focus", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.Focused);
    }

    [Fact]
    public void Fire_FocusedProblemBarely_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.FocusedProblem, 0.25) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.Focused);
    }

    [Fact]
    public void Fire_NoFocusObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.Focused);
        Assert.Equal(["FOCUSED_PROBLEM"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_FocusPartly_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.FocusedProblem, 0.5) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.Focused);
        Assert.Equal(["FOCUSED_PROBLEM"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.FocusedProblem, 1, "L")).Single(RuleIds.Focused);

        Assert.True(finding.Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_SharedNarrativeCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        var mechanism = score < 0 ? [] : new[] { Given.Coded(Codes.SharedNarrative, score) };

        var finding = Fire([Given.Coded(Codes.FocusedProblem, 1), .. mechanism]).Single(RuleIds.Focused);

        Assert.Equal(Codes.SharedNarrative, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(mechanism.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
