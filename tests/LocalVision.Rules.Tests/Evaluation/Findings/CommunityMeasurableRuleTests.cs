using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class CommunityMeasurableRuleTests
{
    [Fact]
    public void Fire_CommunityLevel_FindsIngredient()
    {
        var run = RuleRun.Fire(typeof(CommunityMeasurableRule), Given.Settings(), Given.Initiative(), Given.Derived(Codes.LevelCommunity, 1));

        Assert.Equal(Polarity.Ingredient, run.Single(RuleIds.CommunityMeasurable).Polarity);
    }

    [Fact]
    public void Fire_MixedLevel_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(CommunityMeasurableRule), Given.Settings(), Given.Initiative(), Given.Derived(Codes.LevelCommunity, 0.5));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_LevelUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(CommunityMeasurableRule), Given.Settings(), Given.Initiative());

        Assert.Empty(run.Findings);
    }
}
