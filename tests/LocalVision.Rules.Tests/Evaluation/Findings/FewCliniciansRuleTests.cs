using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>FEW_CLINICIANS: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class FewCliniciansRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(FewCliniciansRule), conditions);

    [Fact]
    public void Fire_CliniciansUnderRepresented_FindsACaution()
    {
        var conditions = new[] { Given.Derived(DerivedCodes.CliniciansRepresented, 0) };

        var finding = Fire(conditions).Single(RuleIds.FewClinicians);

        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Contains("under-represented", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.FewClinicians);
    }

    [Fact]
    public void Fire_CliniciansRepresented_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(DerivedCodes.CliniciansRepresented, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.FewClinicians);
    }

    [Fact]
    public void Fire_NotJudged_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.FewClinicians);
        Assert.Equal(["CLINICIANS_REPRESENTED"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Derived(DerivedCodes.CliniciansRepresented, 0)).Single(RuleIds.FewClinicians).Mechanism);
    }
}
