using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class CommunityLightBulbRuleTests
{
    [Fact]
    public void Fire_CommunityEngagementPresent_FindsIngredient()
    {
        var run = RuleRun.Fire(typeof(CommunityLightBulbRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.CommunityEngagement, 1));

        var finding = run.Single(RuleIds.CommunityLightBulb);
        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("light bulb", finding.Explanation);
    }

    [Fact]
    public void Fire_CommunityEngagementPartly_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(CommunityLightBulbRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.CommunityEngagement, 0.5));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_CommunityEngagementUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(CommunityLightBulbRule), Given.Settings(), Given.Initiative());

        Assert.Empty(run.Findings);
    }
}
