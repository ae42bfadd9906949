using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>COMMUNITY_MEASURABLE: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class CommunityMeasurableRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(CommunityMeasurableRule), conditions);

    [Fact]
    public void Fire_CommunityLevel_FindsAnIngredient()
    {
        var conditions = new[] { Given.Derived(Codes.LevelCommunity, 1) };

        var finding = Fire(conditions).Single(RuleIds.CommunityMeasurable);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("community level", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.CommunityMeasurable);
    }

    [Fact]
    public void Fire_StrategicLevel_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Derived(Codes.LevelCommunity, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.CommunityMeasurable);
    }

    [Fact]
    public void Fire_LevelNotRecorded_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.CommunityMeasurable);
        Assert.Equal(["LEVEL_COMMUNITY"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_MixedLevel_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Derived(Codes.LevelCommunity, 0.5) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.CommunityMeasurable);
        Assert.Equal(["LEVEL_COMMUNITY"], unassessed.Unknown);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_UserPerspectiveCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        var mechanism = score < 0 ? [] : new[] { Given.Coded(Codes.UserPerspective, score) };

        var finding = Fire([Given.Derived(Codes.LevelCommunity, 1), .. mechanism]).Single(RuleIds.CommunityMeasurable);

        Assert.Equal(Codes.UserPerspective, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(mechanism.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
