using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class SeniorLateRuleTests
{
    [Fact]
    public void Fire_SeniorAbsentInShortProject_FindsRisk()
    {
        var run = RuleRun.Fire(typeof(SeniorLateRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.SeniorEngagementEarly, 0.25));

        var finding = run.Single(RuleIds.SeniorLate);
        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Contains("2013-11-01 to 2014-10-01", finding.Explanation);
        Assert.Equal(["observations/test-senior-engagement-early"], finding.Observations);
    }

    [Fact]
    public void Fire_ProjectExactlyTwelveMonths_Fires()
    {
        var initiative = Given.Initiative(start: new(2013, 11, 1), end: new(2014, 11, 1));

        var run = RuleRun.Fire(typeof(SeniorLateRule), Given.Settings(), initiative, Given.Coded(Codes.SeniorEngagementEarly, 0));

        run.Single(RuleIds.SeniorLate);
    }

    [Fact]
    public void Fire_ProjectLongerThanTwelveMonths_DoesNotFire()
    {
        var initiative = Given.Initiative(start: new(2012, 1, 1), end: new(2014, 3, 1));

        var run = RuleRun.Fire(typeof(SeniorLateRule), Given.Settings(), initiative, Given.Coded(Codes.SeniorEngagementEarly, 0));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_LongerShortFundingMonthsOption_Fires()
    {
        var initiative = Given.Initiative(start: new(2012, 1, 1), end: new(2014, 3, 1));
        var options = EvaluationOptions.Default with { ShortFundingMonths = 36 };

        var run = RuleRun.Fire(typeof(SeniorLateRule), Given.Settings(options: options), initiative, Given.Coded(Codes.SeniorEngagementEarly, 0));

        run.Single(RuleIds.SeniorLate);
    }

    [Fact]
    public void Fire_DatesUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(SeniorLateRule), Given.Settings(), Given.Initiative(undated: true), Given.Coded(Codes.SeniorEngagementEarly, 0));

        Assert.Empty(run.Findings);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    public void Fire_SeniorNotAbsent_DoesNotFire(double score)
    {
        var run = RuleRun.Fire(typeof(SeniorLateRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.SeniorEngagementEarly, score));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_SeniorUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(SeniorLateRule), Given.Settings(), Given.Initiative());

        Assert.Empty(run.Findings);
    }
}
