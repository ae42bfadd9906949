using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>FEW_CLINICIANS: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class FewCliniciansRuleTests
{
    private static readonly OpenWorld Rule = new("FEW_CLINICIANS");

    [Fact]
    public void Fire_CliniciansUnderRepresented_FindsACaution()
    {
        Rule.AssertFinds(Polarity.Caution, "under-represented", Given.Derived(DerivedCodes.CliniciansRepresented, 0));
    }

    [Fact]
    public void Fire_CliniciansRepresented_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Derived(DerivedCodes.CliniciansRepresented, 1));
    }

    [Fact]
    public void Fire_NotJudged_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["CLINICIANS_REPRESENTED"]);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Derived(DerivedCodes.CliniciansRepresented, 0)).Single("FEW_CLINICIANS").Mechanism);
    }
}
