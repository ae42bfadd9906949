using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>EXIT_HANDOVER: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class ExitHandoverRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(ExitHandoverRule), conditions);

    [Fact]
    public void Fire_PlannedWithSuccessor_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.ExitPlanned, 1), Given.Coded(Codes.LocalSuccessor, 1) };

        var finding = Fire(conditions).Single(RuleIds.ExitHandover);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("sustainable handover", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ExitHandover);
    }

    [Fact]
    public void Fire_NoSuccessor_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.ExitPlanned, 1), Given.Coded(Codes.LocalSuccessor, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ExitHandover);
    }

    [Fact]
    public void Fire_Unplanned_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.ExitPlanned, 0), Given.Coded(Codes.LocalSuccessor, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ExitHandover);
    }

    [Fact]
    public void Fire_SuccessorUnknown_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.ExitPlanned, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.ExitHandover);
        Assert.Equal(["LOCAL_SUCCESSOR"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.ExitPlanned, 1, "L"), Given.Coded(Codes.LocalSuccessor, 1, "L")).Single(RuleIds.ExitHandover);

        Assert.True(finding.Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_RoleModellingCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        var mechanism = score < 0 ? [] : new[] { Given.Coded(Codes.RoleModelling, score) };

        var finding = Fire([Given.Coded(Codes.ExitPlanned, 1), Given.Coded(Codes.LocalSuccessor, 1), .. mechanism]).Single(RuleIds.ExitHandover);

        Assert.Equal(Codes.RoleModelling, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(mechanism.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
