using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

public sealed class LevelRulesTests
{
    private static readonly Type[] Rules = [typeof(StrategicLevelRule), typeof(CommunityLevelRule)];

    [Theory]
    [InlineData("STRATEGIC", 1, 0)]
    [InlineData("COMMUNITY", 0, 1)]
    [InlineData("MIXED", 0.5, 0.5)]
    public void Fire_Level_DerivesFuzzyMemberships(string level, double strategic, double community)
    {
        var run = RuleRun.Fire(Rules, [Given.Initiative(level)]);

        var values = run.Facts<CodeValue>().ToDictionary(v => v.Code, v => v.Score);
        Assert.Equal(strategic, values[Codes.LevelStrategic]);
        Assert.Equal(community, values[Codes.LevelCommunity]);
    }

    [Fact]
    public void Fire_NoLevel_DerivesNothing()
    {
        var run = RuleRun.Fire(Rules, [Given.Initiative(level: null)]);

        Assert.Empty(run.Facts<CodeValue>());
    }
}
