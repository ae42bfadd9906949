using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>NO_MOU: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class NoMouRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(NoMouRule), conditions);

    [Fact]
    public void Fire_NoMouAgreed_FindsARisk()
    {
        var conditions = new[] { Given.Coded(Codes.MouAgreed, 0) };

        var finding = Fire(conditions).Single(RuleIds.NoMou);

        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("no memorandum", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.NoMou);
    }

    [Fact]
    public void Fire_MouAgreed_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.MouAgreed, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.NoMou);
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.NoMou);
        Assert.Equal(["MOU_AGREED"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.MouAgreed, 0, "L")).Single(RuleIds.NoMou);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Coded(Codes.MouAgreed, 0)).Single(RuleIds.NoMou).Mechanism);
    }
}
