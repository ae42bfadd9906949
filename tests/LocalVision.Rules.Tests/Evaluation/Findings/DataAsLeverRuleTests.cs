using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>DATA_AS_LEVER: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class DataAsLeverRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(DataAsLeverRule), conditions);

    [Fact]
    public void Fire_DataUsed_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.DataAsLever, 1) };

        var finding = Fire(conditions).Single(RuleIds.DataAsLever);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("hold up the mirror", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.DataAsLever);
    }

    [Fact]
    public void Fire_DataNotUsed_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.DataAsLever, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.DataAsLever);
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.DataAsLever);
        Assert.Equal(["DATA_AS_LEVER"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_StatedFocusOnly_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.DataAsLever, 0.5) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.DataAsLever);
        Assert.Equal(["DATA_AS_LEVER"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.DataAsLever, 1, "L")).Single(RuleIds.DataAsLever);

        Assert.True(finding.Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_HoldingUpTheMirrorCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        var mechanism = score < 0 ? [] : new[] { Given.Coded(Codes.HoldingUpTheMirror, score) };

        var finding = Fire([Given.Coded(Codes.DataAsLever, 1), .. mechanism]).Single(RuleIds.DataAsLever);

        Assert.Equal(Codes.HoldingUpTheMirror, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(mechanism.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
