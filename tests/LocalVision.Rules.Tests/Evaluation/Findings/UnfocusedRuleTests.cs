using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>UNFOCUSED: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class UnfocusedRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(UnfocusedRule), conditions);

    [Fact]
    public void Fire_FocusedProblemBarely_FindsARisk()
    {
        var conditions = new[] { Given.Coded(Codes.FocusedProblem, 0.25) };

        var finding = Fire(conditions).Single(RuleIds.Unfocused);

        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("lacked a distinct focus", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.Unfocused);
    }

    [Fact]
    public void Fire_FocusedProblemAbsent_FindsARisk()
    {
        var conditions = new[] { Given.Coded(Codes.FocusedProblem, 0) };

        var finding = Fire(conditions).Single(RuleIds.Unfocused);

        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("lacked a distinct focus", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.Unfocused);
    }

    [Fact]
    public void Fire_FocusedProblemMostly_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.FocusedProblem, 0.75) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.Unfocused);
    }

    [Fact]
    public void Fire_NoFocusObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.Unfocused);
        Assert.Equal(["FOCUSED_PROBLEM"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_FocusPartly_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.FocusedProblem, 0.5) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.Unfocused);
        Assert.Equal(["FOCUSED_PROBLEM"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.FocusedProblem, 0.25, "L")).Single(RuleIds.Unfocused);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Coded(Codes.FocusedProblem, 0.25)).Single(RuleIds.Unfocused).Mechanism);
    }
}
