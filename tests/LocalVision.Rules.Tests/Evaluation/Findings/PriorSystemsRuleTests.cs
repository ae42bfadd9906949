using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>PRIOR_SYSTEMS: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PriorSystemsRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(PriorSystemsRule), conditions);

    [Fact]
    public void Fire_PriorSystemsWorkPresent_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.PriorSystemsWork, 1) };

        var finding = Fire(conditions).Single(RuleIds.PriorSystems);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("worked systemically before", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PriorSystems);
    }

    [Fact]
    public void Fire_PriorSystemsWorkAbsent_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.PriorSystemsWork, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PriorSystems);
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PriorSystems);
        Assert.Equal(["PRIOR_SYSTEMS_WORK"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.PriorSystemsWork, 1, "L")).Single(RuleIds.PriorSystems);

        Assert.True(finding.Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_TrustBuildingCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        var mechanism = score < 0 ? [] : new[] { Given.Coded(Codes.TrustBuilding, score) };

        var finding = Fire([Given.Coded(Codes.PriorSystemsWork, 1), .. mechanism]).Single(RuleIds.PriorSystems);

        Assert.Equal(Codes.TrustBuilding, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(mechanism.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
