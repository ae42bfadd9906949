using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>COMMUNITY_LIGHT_BULB: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class CommunityLightBulbRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(CommunityLightBulbRule), conditions);

    [Fact]
    public void Fire_CommunityMet_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.CommunityEngagement, 1) };

        var finding = Fire(conditions).Single(RuleIds.CommunityLightBulb);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("light bulb", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.CommunityLightBulb);
    }

    [Fact]
    public void Fire_CommunityNotMet_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.CommunityEngagement, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.CommunityLightBulb);
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.CommunityLightBulb);
        Assert.Equal(["COMMUNITY_ENGAGEMENT"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.CommunityEngagement, 1, "L")).Single(RuleIds.CommunityLightBulb);

        Assert.True(finding.Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_UserPerspectiveCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        var mechanism = score < 0 ? [] : new[] { Given.Coded(Codes.UserPerspective, score) };

        var finding = Fire([Given.Coded(Codes.CommunityEngagement, 1), .. mechanism]).Single(RuleIds.CommunityLightBulb);

        Assert.Equal(Codes.UserPerspective, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(mechanism.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
