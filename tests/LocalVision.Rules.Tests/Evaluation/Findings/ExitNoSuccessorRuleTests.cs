using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class ExitNoSuccessorRuleTests
{
    private static readonly DateOnly AsOf = new(2014, 9, 1);

    [Fact]
    public void Fire_ExitWithinWindowAndNoSuccessor_FindsRisk()
    {
        var run = RuleRun.Fire(typeof(ExitNoSuccessorRule), Given.Settings(AsOf), Given.Initiative(),
            Given.Enabler("alder", new(2013, 11, 1), new(2014, 10, 1)), Given.Coded(Codes.LocalSuccessor, 0));

        var finding = run.Single(RuleIds.ExitNoSuccessor);
        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("2014-10-01", finding.Explanation);
        Assert.Equal(["enablers/alder"], Assert.Single(finding.DerivedFacts).Nodes);
    }

    [Fact]
    public void Fire_ExitAlreadyPast_Fires()
    {
        var run = RuleRun.Fire(typeof(ExitNoSuccessorRule), Given.Settings(new(2015, 9, 1)), Given.Initiative(),
            Given.Enabler("alder", new(2013, 11, 1), new(2014, 10, 1)), Given.Coded(Codes.LocalSuccessor, 0.25));

        run.Single(RuleIds.ExitNoSuccessor);
    }

    [Fact]
    public void Fire_ExitBeyondWindow_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ExitNoSuccessorRule), Given.Settings(new(2014, 6, 1)), Given.Initiative(),
            Given.Enabler("alder", new(2013, 11, 1), new(2014, 10, 1)), Given.Coded(Codes.LocalSuccessor, 0));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_WiderExitWindow_Fires()
    {
        var options = EvaluationOptions.Default with { ExitWindowDays = 200 };

        var run = RuleRun.Fire(typeof(ExitNoSuccessorRule), Given.Settings(new(2014, 6, 1), options), Given.Initiative(),
            Given.Enabler("alder", new(2013, 11, 1), new(2014, 10, 1)), Given.Coded(Codes.LocalSuccessor, 0));

        run.Single(RuleIds.ExitNoSuccessor);
    }

    [Fact]
    public void Fire_AnotherEnablerStaysOn_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ExitNoSuccessorRule), Given.Settings(AsOf), Given.Initiative(),
            Given.Enabler("alder", new(2013, 11, 1), new(2014, 10, 1)), Given.Enabler("birch", new(2014, 3, 1), new(2015, 6, 1), "JOINED"),
            Given.Coded(Codes.LocalSuccessor, 0));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_OpenEndedEngagement_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ExitNoSuccessorRule), Given.Settings(AsOf), Given.Initiative(),
            Given.Enabler("alder", new(2013, 11, 1), null), Given.Coded(Codes.LocalSuccessor, 0));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_NoEnabler_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ExitNoSuccessorRule), Given.Settings(AsOf), Given.Initiative(), Given.Coded(Codes.LocalSuccessor, 0));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_SuccessorPresent_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ExitNoSuccessorRule), Given.Settings(AsOf), Given.Initiative(),
            Given.Enabler("alder", new(2013, 11, 1), new(2014, 10, 1)), Given.Coded(Codes.LocalSuccessor, 1));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_SuccessorUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ExitNoSuccessorRule), Given.Settings(AsOf), Given.Initiative(),
            Given.Enabler("alder", new(2013, 11, 1), new(2014, 10, 1)));

        Assert.Empty(run.Findings);
    }
}
