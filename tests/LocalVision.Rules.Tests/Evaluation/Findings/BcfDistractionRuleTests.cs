using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>BCF_DISTRACTION: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class BcfDistractionRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(BcfDistractionRule), conditions);

    [Fact]
    public void Fire_Distracting_FindsACaution()
    {
        var conditions = new[] { Given.Derived(Codes.AlignedBcf, 1, "DISTRACTS") };

        var finding = Fire(conditions).Single(RuleIds.BcfDistraction);

        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Contains("Better Care Fund", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.BcfDistraction);
    }

    [Fact]
    public void Fire_Mixed_FindsACaution()
    {
        var conditions = new[] { Given.Derived(Codes.AlignedBcf, 1, "MIXED") };

        var finding = Fire(conditions).Single(RuleIds.BcfDistraction);

        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Contains("Better Care Fund", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.BcfDistraction);
    }

    [Fact]
    public void Fire_OnlyComplementing_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(Codes.AlignedBcf, 1, "COMPLEMENTS") };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.BcfDistraction);
    }

    [Fact]
    public void Fire_CodedAbsent_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.AlignedBcf, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.BcfDistraction);
    }

    [Fact]
    public void Fire_EffectNotRecorded_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Derived(Codes.AlignedBcf, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.BcfDistraction);
        Assert.Equal(["ALIGNED_BCF"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_NoAlignmentRecorded_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.BcfDistraction);
        Assert.Equal(["ALIGNED_BCF"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Derived(Codes.AlignedBcf, 1, "DISTRACTS")).Single(RuleIds.BcfDistraction).Mechanism);
    }
}
