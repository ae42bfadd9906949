using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class ScaleUpLikelyRuleTests
{
    [Fact]
    public void Fire_FollowOnAndPriorityLink_FindsIngredient()
    {
        var run = RuleRun.Fire(typeof(ScaleUpLikelyRule), Given.Settings(), Given.Initiative(),
            Given.Derived(Codes.FollowOnFunding, 1), Given.Coded(Codes.StrategicPriorityLink, 1));

        var finding = run.Single(RuleIds.ScaleUpLikely);
        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Equal(["observations/test-strategic-priority-link"], finding.Observations);
        Assert.Equal(Codes.FollowOnFunding, Assert.Single(finding.DerivedFacts).Code);
    }

    [Fact]
    public void Fire_FollowedByEdge_FiresThroughTheDerivation()
    {
        var run = RuleRun.Fire([typeof(ScaleUpLikelyRule), typeof(FollowOnRule), typeof(ResolveConditionRule)],
            [Given.Settings(), Given.Initiative(), new FollowOn(Given.Name, "initiatives/next", "Next", null), Given.Coded(Codes.StrategicPriorityLink, 1)]);

        run.Single(RuleIds.ScaleUpLikely);
    }

    [Fact]
    public void Fire_NoPriorityLink_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ScaleUpLikelyRule), Given.Settings(), Given.Initiative(), Given.Derived(Codes.FollowOnFunding, 1));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_NoFollowOn_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ScaleUpLikelyRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.StrategicPriorityLink, 1));

        Assert.Empty(run.Findings);
    }
}
