using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class NoMouRuleTests
{
    [Fact]
    public void Fire_MouCodedAbsent_FindsRisk()
    {
        var run = RuleRun.Fire(typeof(NoMouRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.MouAgreed, 0));

        Assert.Equal(Polarity.Risk, run.Single(RuleIds.NoMou).Polarity);
    }

    [Fact]
    public void Fire_MouAgreed_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(NoMouRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.MouAgreed, 1));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_MouUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(NoMouRule), Given.Settings(), Given.Initiative());

        Assert.Empty(run.Findings);
    }
}
