using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class ShortNoFollowOnRuleTests
{
    [Fact]
    public void Fire_ShortProjectWithNoFollowOnRecorded_FindsRisk()
    {
        var run = RuleRun.Fire(typeof(ShortNoFollowOnRule), Given.Settings(), Given.Initiative());

        var finding = run.Single(RuleIds.ShortNoFollowOn);
        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("no FOLLOWED_BY", finding.Explanation);
    }

    [Fact]
    public void Fire_FollowOnCodedAbsent_CitesTheObservation()
    {
        var run = RuleRun.Fire(typeof(ShortNoFollowOnRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.FollowOnFunding, 0));

        Assert.Equal(["observations/test-follow-on-funding"], run.Single(RuleIds.ShortNoFollowOn).Observations);
    }

    [Fact]
    public void Fire_FollowOnPresent_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ShortNoFollowOnRule), Given.Settings(), Given.Initiative(), Given.Derived(Codes.FollowOnFunding, 1));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_LongProject_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ShortNoFollowOnRule), Given.Settings(), Given.Initiative(start: new(2012, 1, 1), end: new(2014, 3, 1)));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_DatesUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(ShortNoFollowOnRule), Given.Settings(), Given.Initiative(undated: true));

        Assert.Empty(run.Findings);
    }
}
