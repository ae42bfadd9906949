using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>NO_SUPPORT: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class NoSupportRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(NoSupportRule), conditions);

    [Fact]
    public void Fire_SupportAbsent_FindsARisk()
    {
        var conditions = new[] { Given.Coded(Codes.DedicatedSupport, 0) };

        var finding = Fire(conditions).Single(RuleIds.NoSupport);

        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("lacking or partial", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.NoSupport);
    }

    [Fact]
    public void Fire_SupportPartlyOnEvidence_FindsARisk()
    {
        var conditions = new[] { Given.Coded(Codes.DedicatedSupport, 0.5) };

        var finding = Fire(conditions).Single(RuleIds.NoSupport);

        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("lacking or partial", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.NoSupport);
    }

    [Fact]
    public void Fire_SupportMostly_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.DedicatedSupport, 0.75) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.NoSupport);
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.NoSupport);
        Assert.Equal(["DEDICATED_SUPPORT"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.DedicatedSupport, 0, "L")).Single(RuleIds.NoSupport);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Coded(Codes.DedicatedSupport, 0)).Single(RuleIds.NoSupport).Mechanism);
    }
}
