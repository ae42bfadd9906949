using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class ExitHandoverRuleTests
{
    [Fact]
    public void Fire_ExitPlannedAndSuccessor_FindsIngredientCitingBoth()
    {
        var run = RuleRun.Fire(typeof(ExitHandoverRule), Given.Settings(), Given.Initiative(),
            Given.Coded(Codes.ExitPlanned, 1), Given.Coded(Codes.LocalSuccessor, 0.75));

        var finding = run.Single(RuleIds.ExitHandover);
        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Equal(["observations/test-exit-planned", "observations/test-local-successor"], finding.Observations);
    }

    [Fact]
    public void Fire_NoSuccessor_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ExitHandoverRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.ExitPlanned, 1));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_ExitNotPlanned_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ExitHandoverRule), Given.Settings(), Given.Initiative(),
            Given.Coded(Codes.ExitPlanned, 0.25), Given.Coded(Codes.LocalSuccessor, 1));

        Assert.Empty(run.Findings);
    }
}
