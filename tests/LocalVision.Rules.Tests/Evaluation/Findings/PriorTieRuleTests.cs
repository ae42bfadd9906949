using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>PRIOR_TIE: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PriorTieRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(PriorTieRule), conditions);

    [Fact]
    public void Fire_TieDerived_FindsAnIngredient()
    {
        var conditions = new[] { Given.Derived(Codes.PriorEnablerTie, 1) };

        var finding = Fire(conditions).Single(RuleIds.PriorTie);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("already knew the Enabler", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PriorTie);
    }

    [Fact]
    public void Fire_TieCoded_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.PriorEnablerTie, 0.75) };

        var finding = Fire(conditions).Single(RuleIds.PriorTie);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("already knew the Enabler", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PriorTie);
    }

    [Fact]
    public void Fire_TieCodedAbsent_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.PriorEnablerTie, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PriorTie);
    }

    [Fact]
    public void Fire_NoTieRecorded_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PriorTie);
        Assert.Equal(["PRIOR_ENABLER_TIE"], unassessed.Unknown);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_TrustBuildingCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        var mechanism = score < 0 ? [] : new[] { Given.Coded(Codes.TrustBuilding, score) };

        var finding = Fire([Given.Derived(Codes.PriorEnablerTie, 1), .. mechanism]).Single(RuleIds.PriorTie);

        Assert.Equal(Codes.TrustBuilding, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(mechanism.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
