using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>POLITICAL_MANDATE: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PoliticalMandateRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(PoliticalMandateRule), conditions);

    [Fact]
    public void Fire_PoliticalPresent_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.PoliticalEngagement, 0.75) };

        var finding = Fire(conditions).Single(RuleIds.PoliticalMandate);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("elected members", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PoliticalMandate);
    }

    [Fact]
    public void Fire_PoliticalAbsent_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.PoliticalEngagement, 0.25) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PoliticalMandate);
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PoliticalMandate);
        Assert.Equal(["POLITICAL_ENGAGEMENT"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.PoliticalEngagement, 0.75, "L")).Single(RuleIds.PoliticalMandate);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Coded(Codes.PoliticalEngagement, 0.75)).Single(RuleIds.PoliticalMandate).Mechanism);
    }
}
