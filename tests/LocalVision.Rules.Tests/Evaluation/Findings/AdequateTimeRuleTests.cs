using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>ADEQUATE_TIME: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class AdequateTimeRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(AdequateTimeRule), conditions);

    [Fact]
    public void Fire_TimeEnough_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.AdequateTime, 1) };

        var finding = Fire(conditions).Single(RuleIds.AdequateTime);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("judged sufficient", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.AdequateTime);
    }

    [Fact]
    public void Fire_TimeShort_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.AdequateTime, 0.25) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.AdequateTime);
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.AdequateTime);
        Assert.Equal(["ADEQUATE_TIME"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_SilosPersist_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.AdequateTime, 0.5) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.AdequateTime);
        Assert.Equal(["ADEQUATE_TIME"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.AdequateTime, 1, "L")).Single(RuleIds.AdequateTime);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Coded(Codes.AdequateTime, 1)).Single(RuleIds.AdequateTime).Mechanism);
    }
}
