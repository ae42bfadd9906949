using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class BcfDistractionRuleTests
{
    [Theory]
    [InlineData("DISTRACTS")]
    [InlineData("MIXED")]
    [InlineData(null)]
    public void Fire_AlignedWithBcfNotOnlyComplementing_FindsCaution(string? effect)
    {
        var run = RuleRun.Fire(typeof(BcfDistractionRule), Given.Settings(), Given.Initiative(), Given.Derived(Codes.AlignedBcf, 1, effect));

        var finding = run.Single(RuleIds.BcfDistraction);
        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Contains("Better Care Fund", finding.Explanation);
    }

    [Fact]
    public void Fire_CodedOnly_Fires()
    {
        var run = RuleRun.Fire(typeof(BcfDistractionRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.AlignedBcf, 1));

        run.Single(RuleIds.BcfDistraction);
    }

    [Fact]
    public void Fire_OnlyComplements_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(BcfDistractionRule), Given.Settings(), Given.Initiative(), Given.Derived(Codes.AlignedBcf, 1, "COMPLEMENTS"));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_NotAligned_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(BcfDistractionRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.AlignedBcf, 0.5));

        Assert.Empty(run.Findings);
    }
}
