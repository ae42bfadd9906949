using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>SENIOR_EARLY: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class SeniorEarlyRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(SeniorEarlyRule), conditions);

    [Fact]
    public void Fire_SeniorPresent_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.SeniorEngagementEarly, 1) };

        var finding = Fire(conditions).Single(RuleIds.SeniorEarly);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("from the outset", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.SeniorEarly);
    }

    [Fact]
    public void Fire_SeniorAbsent_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.SeniorEngagementEarly, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.SeniorEarly);
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.SeniorEarly);
        Assert.Equal(["SENIOR_ENGAGEMENT_EARLY"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_SeniorPartly_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.SeniorEngagementEarly, 0.5) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.SeniorEarly);
        Assert.Equal(["SENIOR_ENGAGEMENT_EARLY"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.SeniorEngagementEarly, 1, "L")).Single(RuleIds.SeniorEarly);

        Assert.True(finding.Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_NationalLegitimacyCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        var mechanism = score < 0 ? [] : new[] { Given.Coded(Codes.NationalLegitimacy, score) };

        var finding = Fire([Given.Coded(Codes.SeniorEngagementEarly, 1), .. mechanism]).Single(RuleIds.SeniorEarly);

        Assert.Equal(Codes.NationalLegitimacy, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(mechanism.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
