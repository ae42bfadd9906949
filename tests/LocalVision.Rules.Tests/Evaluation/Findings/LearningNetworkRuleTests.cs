using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>LEARNING_NETWORK: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class LearningNetworkRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(LearningNetworkRule), conditions);

    [Fact]
    public void Fire_TookPart_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.LearningNetwork, 0.75) };

        var finding = Fire(conditions).Single(RuleIds.LearningNetwork);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("learning-network days", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.LearningNetwork);
    }

    [Fact]
    public void Fire_DidNotTakePart_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.LearningNetwork, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.LearningNetwork);
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.LearningNetwork);
        Assert.Equal(["LEARNING_NETWORK"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.LearningNetwork, 0.75, "L")).Single(RuleIds.LearningNetwork);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Coded(Codes.LearningNetwork, 0.75)).Single(RuleIds.LearningNetwork).Mechanism);
    }
}
