using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class UnfocusedRuleTests
{
    [Fact]
    public void Fire_FocusBarely_FindsRisk()
    {
        var run = RuleRun.Fire(typeof(UnfocusedRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.FocusedProblem, 0.25));

        Assert.Equal(Polarity.Risk, run.Single(RuleIds.Unfocused).Polarity);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    public void Fire_FocusPartlyOrClear_DoesNotFire(double score)
    {
        var run = RuleRun.Fire(typeof(UnfocusedRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.FocusedProblem, score));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_FocusUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(UnfocusedRule), Given.Settings(), Given.Initiative());

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_HigherAbsentCutOff_FiresOnPartly()
    {
        var options = EvaluationOptions.Default with { AbsentBelow = 0.6, PresentAbove = 0.6 };

        var run = RuleRun.Fire(typeof(UnfocusedRule), Given.Settings(options: options), Given.Initiative(), Given.Coded(Codes.FocusedProblem, 0.5));

        run.Single(RuleIds.Unfocused);
    }
}
