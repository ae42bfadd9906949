using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class NoSupportRuleTests
{
    [Fact]
    public void Fire_SupportCodedAbsent_FindsRisk()
    {
        var run = RuleRun.Fire(typeof(NoSupportRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.DedicatedSupport, 0));

        var finding = run.Single(RuleIds.NoSupport);
        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Equal(["observations/test-dedicated-support"], finding.Observations);
        Assert.Empty(finding.DerivedFacts);
    }

    [Fact]
    public void Fire_LeadChanged_CitesTheChange()
    {
        var outgoing = Given.Person("lead1", "PROJECT_LEAD", from: new(2013, 11, 1), to: new(2014, 5, 1));
        var incoming = Given.Person("lead2", "PROJECT_LEAD", from: new(2014, 5, 1));

        var run = RuleRun.Fire([typeof(NoSupportRule), typeof(ProjectLeadChangeRule)],
            [Given.Settings(), Given.Initiative(), Given.Coded(Codes.DedicatedSupport, 0), outgoing, incoming]);

        var finding = run.Single(RuleIds.NoSupport);
        var change = Assert.Single(finding.DerivedFacts);
        Assert.Equal("PROJECT_LEAD_CHANGE", change.Code);
        Assert.Equal(["people/lead1", "people/lead2"], change.Nodes);
        Assert.Contains("project lead changed", finding.Explanation);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.75)]
    public void Fire_SupportNotAbsent_DoesNotFire(double score)
    {
        var run = RuleRun.Fire(typeof(NoSupportRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.DedicatedSupport, score));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_SupportUnknown_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(NoSupportRule), Given.Settings(), Given.Initiative());

        Assert.Empty(run.Findings);
    }
}
