using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class BurningPlatformRuleTests
{
    private static object[] Partners(int count) => Enumerable.Range(1, count).Select(i => (object)Given.Partner($"partner{i}")).ToArray();

    [Fact]
    public void Fire_ImperativeWithThreePartners_FindsIngredientCountingPartners()
    {
        var run = RuleRun.Fire(typeof(BurningPlatformRule),
            [Given.Settings(), Given.Initiative(), Given.Coded(Codes.BurningPlatform, 1), .. Partners(3)]);

        var finding = run.Single(RuleIds.BurningPlatform);
        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("3 partners", finding.Explanation);
        Assert.Equal(3, Assert.Single(finding.DerivedFacts).Nodes.Count);
    }

    [Fact]
    public void Fire_TwoPartners_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(BurningPlatformRule),
            [Given.Settings(), Given.Initiative(), Given.Coded(Codes.BurningPlatform, 1), .. Partners(2)]);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_NoImperative_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(BurningPlatformRule), [Given.Settings(), Given.Initiative(), .. Partners(5)]);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_ThirdPartnerJoinsLater_FiresThen()
    {
        var run = RuleRun.Fire(typeof(BurningPlatformRule),
            [Given.Settings(), Given.Initiative(), Given.Coded(Codes.BurningPlatform, 1), .. Partners(2)]);
        Assert.Empty(run.Findings);

        run.Insert(Given.Partner("partner3"));

        run.Single(RuleIds.BurningPlatform);
    }
}
