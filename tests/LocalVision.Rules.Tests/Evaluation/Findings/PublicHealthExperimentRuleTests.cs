using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>PUBLIC_HEALTH_EXPERIMENT: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PublicHealthExperimentRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(PublicHealthExperimentRule), conditions);

    [Fact]
    public void Fire_PublicHealthLead_FindsAnIngredient()
    {
        var conditions = new[] { Given.Derived(Codes.OwnerPublicHealth, 1) };

        var finding = Fire(conditions).Single(RuleIds.PublicHealthExperiment);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("public health owned", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PublicHealthExperiment);
    }

    [Fact]
    public void Fire_PublicHealthCoded_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.OwnerPublicHealth, 0.75) };

        var finding = Fire(conditions).Single(RuleIds.PublicHealthExperiment);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("public health owned", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PublicHealthExperiment);
    }

    [Fact]
    public void Fire_CodedAbsent_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.OwnerPublicHealth, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PublicHealthExperiment);
    }

    [Fact]
    public void Fire_OwnerUnknown_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PublicHealthExperiment);
        Assert.Equal(["OWNER_PUBLIC_HEALTH"], unassessed.Unknown);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_PermissionToExperimentCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        var mechanism = score < 0 ? [] : new[] { Given.Coded(Codes.PermissionToExperiment, score) };

        var finding = Fire([Given.Derived(Codes.OwnerPublicHealth, 1), .. mechanism]).Single(RuleIds.PublicHealthExperiment);

        Assert.Equal(Codes.PermissionToExperiment, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(mechanism.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
