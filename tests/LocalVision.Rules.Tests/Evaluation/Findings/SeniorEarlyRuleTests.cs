using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class SeniorEarlyRuleTests
{
    [Fact]
    public void Fire_SeniorEngagementPresent_FindsIngredientCitingObservationAndEvidence()
    {
        var run = RuleRun.Fire(typeof(SeniorEarlyRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.SeniorEngagementEarly, 0.75));

        var finding = run.Single(RuleIds.SeniorEarly);
        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Equal("7.2.4", finding.ReportSection);
        Assert.Equal(["observations/test-senior-engagement-early"], finding.Observations);
        Assert.Equal(["evidence/test-senior-engagement-early"], finding.Evidence);
        Assert.Contains("SENIOR_ENGAGEMENT_EARLY 0.75", finding.Explanation);
        Assert.StartsWith("Test project: ", finding.Explanation);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.25)]
    [InlineData(0)]
    public void Fire_SeniorEngagementNotAboveCutOff_DoesNotFire(double score)
    {
        var run = RuleRun.Fire(typeof(SeniorEarlyRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.SeniorEngagementEarly, score));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_SeniorEngagementUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(SeniorEarlyRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.PoliticalEngagement, 1));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_LowerPresentCutOff_FiresOnPartly()
    {
        var options = EvaluationOptions.Default with { PresentAbove = 0.4 };

        var run = RuleRun.Fire(typeof(SeniorEarlyRule), Given.Settings(options: options), Given.Initiative(), Given.Coded(Codes.SeniorEngagementEarly, 0.5));

        run.Single(RuleIds.SeniorEarly);
    }
}
