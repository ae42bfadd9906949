using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

public sealed class PriorEnablerTieRuleTests
{
    private static EnablerTie Tie(DateOnly? since) => new(Given.Name, "enablers/alder", "people/lead", since);

    [Fact]
    public void Fire_TieOlderThanTheStart_DerivesPriorTieCitingBothEnds()
    {
        var run = RuleRun.Fire(typeof(PriorEnablerTieRule), Given.Initiative(), Tie(new(2011, 6, 1)));

        var value = Assert.Single(run.Facts<CodeValue>());
        Assert.Equal(Codes.PriorEnablerTie, value.Code);
        Assert.Equal(["enablers/alder", "people/lead"], value.Nodes);
        Assert.Contains("2011-06-01", value.Source);
    }

    [Fact]
    public void Fire_TieFromTheStartDay_DerivesNothing()
    {
        var run = RuleRun.Fire(typeof(PriorEnablerTieRule), Given.Initiative(), Tie(Given.Start));

        Assert.Empty(run.Facts<CodeValue>());
    }

    [Fact]
    public void Fire_TieWithoutSince_DerivesNothing()
    {
        var run = RuleRun.Fire(typeof(PriorEnablerTieRule), Given.Initiative(), Tie(null));

        Assert.Empty(run.Facts<CodeValue>());
    }

    [Fact]
    public void Fire_ProjectWithoutStart_DerivesNothing()
    {
        var run = RuleRun.Fire(typeof(PriorEnablerTieRule), Given.Initiative(undated: true), Tie(new(2011, 6, 1)));

        Assert.Empty(run.Facts<CodeValue>());
    }
}
