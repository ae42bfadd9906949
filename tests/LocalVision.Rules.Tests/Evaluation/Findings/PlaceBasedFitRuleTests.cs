using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>PLACE_BASED_FIT: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PlaceBasedFitRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(PlaceBasedFitRule), conditions);

    [Fact]
    public void Fire_Complementing_FindsAnIngredient()
    {
        var conditions = new[] { Given.Derived(Codes.AlignedPlaceBased, 1, "COMPLEMENTS") };

        var finding = Fire(conditions).Single(RuleIds.PlaceBasedFit);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("complementary place-based programme", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PlaceBasedFit);
    }

    [Fact]
    public void Fire_EffectNotRecorded_FindsAnIngredient()
    {
        var conditions = new[] { Given.Derived(Codes.AlignedPlaceBased, 1) };

        var finding = Fire(conditions).Single(RuleIds.PlaceBasedFit);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("complementary place-based programme", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PlaceBasedFit);
    }

    [Fact]
    public void Fire_Distracting_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(Codes.AlignedPlaceBased, 1, "DISTRACTS") };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PlaceBasedFit);
    }

    [Fact]
    public void Fire_CodedAbsent_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.AlignedPlaceBased, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PlaceBasedFit);
    }

    [Fact]
    public void Fire_NoAlignmentRecorded_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PlaceBasedFit);
        Assert.Equal(["ALIGNED_PLACE_BASED"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Derived(Codes.AlignedPlaceBased, 1, "COMPLEMENTS")).Single(RuleIds.PlaceBasedFit).Mechanism);
    }
}
