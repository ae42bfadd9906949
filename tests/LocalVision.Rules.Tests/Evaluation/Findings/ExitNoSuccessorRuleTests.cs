using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>EXIT_NO_SUCCESSOR: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class ExitNoSuccessorRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(ExitNoSuccessorRule), conditions);

    [Fact]
    public void Fire_ExitWithoutSuccessor_FindsARisk()
    {
        var conditions = new[] { Given.Derived(DerivedCodes.EnablerExit, 1), Given.Coded(Codes.LocalSuccessor, 0) };

        var finding = Fire(conditions).Single(RuleIds.ExitNoSuccessor);

        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("no local successor", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ExitNoSuccessor);
    }

    [Fact]
    public void Fire_SuccessorInPlace_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(DerivedCodes.EnablerExit, 1), Given.Coded(Codes.LocalSuccessor, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ExitNoSuccessor);
    }

    [Fact]
    public void Fire_EnablerStays_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(DerivedCodes.EnablerExit, 0), Given.Coded(Codes.LocalSuccessor, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ExitNoSuccessor);
    }

    [Fact]
    public void Fire_SuccessorUnknown_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Derived(DerivedCodes.EnablerExit, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ExitNoSuccessor);
        Assert.Equal(["LOCAL_SUCCESSOR"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_NoEngagementRecorded_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.LocalSuccessor, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ExitNoSuccessor);
        Assert.Equal(["ENABLER_EXIT"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Derived(DerivedCodes.EnablerExit, 1), Given.Coded(Codes.LocalSuccessor, 0, "L")).Single(RuleIds.ExitNoSuccessor);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Derived(DerivedCodes.EnablerExit, 1), Given.Coded(Codes.LocalSuccessor, 0)).Single(RuleIds.ExitNoSuccessor).Mechanism);
    }
}
