using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

public sealed class FollowOnRuleTests
{
    [Fact]
    public void Fire_FollowedBy_DerivesFollowOnFundingCitingTheSuccessor()
    {
        var run = RuleRun.Fire(typeof(FollowOnRule), new FollowOn(Given.Name, "initiatives/next", "Next project", new(2014, 4, 1)));

        var value = Assert.Single(run.Facts<CodeValue>());
        Assert.Equal(Codes.FollowOnFunding, value.Code);
        Assert.Equal(["initiatives/next"], value.Nodes);
    }

    [Fact]
    public void Fire_NoFollowedBy_DerivesNothing()
    {
        var run = RuleRun.Fire(typeof(FollowOnRule), Given.Initiative());

        Assert.Empty(run.Facts<CodeValue>());
    }
}
