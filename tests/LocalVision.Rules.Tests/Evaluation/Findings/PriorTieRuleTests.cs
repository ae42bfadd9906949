using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class PriorTieRuleTests
{
    [Fact]
    public void Fire_DerivedTie_FindsIngredientCitingTheDerivation()
    {
        var run = RuleRun.Fire(typeof(PriorTieRule), Given.Settings(), Given.Initiative(), Given.Derived(Codes.PriorEnablerTie, 1));

        var finding = run.Single(RuleIds.PriorTie);
        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Empty(finding.Observations);
        Assert.Equal(Codes.PriorEnablerTie, Assert.Single(finding.DerivedFacts).Code);
    }

    [Fact]
    public void Fire_CodedTie_Fires()
    {
        var run = RuleRun.Fire(typeof(PriorTieRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.PriorEnablerTie, 1));

        Assert.Equal(["observations/test-prior-enabler-tie"], run.Single(RuleIds.PriorTie).Observations);
    }

    [Fact]
    public void Fire_NoTie_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(PriorTieRule), Given.Settings(), Given.Initiative());

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_TieCodedAbsent_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(PriorTieRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.PriorEnablerTie, 0));

        Assert.Empty(run.Findings);
    }
}
