using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class DetectionArtefactRuleTests
{
    [Fact]
    public void Fire_RisingOutcomeAndDataAsLever_FindsCautionCitingOutcomeEvidence()
    {
        var run = RuleRun.Fire(typeof(DetectionArtefactRule), Given.Settings(), Given.Initiative(),
            Given.Coded(Codes.DataAsLever, 1), Given.Outcome("recorded-incidence", "RISING", new(2015, 6, 1)));

        var finding = run.Single(RuleIds.DetectionArtefact);
        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Equal("outcomes/recorded-incidence", finding.Subject);
        Assert.Equal(["observations/test-data-as-lever"], finding.Observations);
        Assert.Equal(["evidence/recorded-incidence", "evidence/test-data-as-lever"], finding.Evidence);
    }

    [Fact]
    public void Fire_TwoRisingOutcomes_FindsOneEach()
    {
        var run = RuleRun.Fire(typeof(DetectionArtefactRule), Given.Settings(), Given.Initiative(),
            Given.Coded(Codes.DataAsLever, 1), Given.Outcome("first", "RISING"), Given.Outcome("second", "rising"));

        Assert.Equal(["outcomes/first", "outcomes/second"], run.Findings.Select(f => f.Subject).Order());
    }

    [Theory]
    [InlineData("FALLING")]
    [InlineData(null)]
    public void Fire_OutcomeNotRising_DoesNotFire(string? trend)
    {
        var run = RuleRun.Fire(typeof(DetectionArtefactRule), Given.Settings(), Given.Initiative(),
            Given.Coded(Codes.DataAsLever, 1), Given.Outcome("indicator", trend));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_NoDataAsLever_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(DetectionArtefactRule), Given.Settings(), Given.Initiative(),
            Given.Coded(Codes.DataAsLever, 0.5), Given.Outcome("indicator", "RISING"));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_RiseBeforeTheProjectStarted_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(DetectionArtefactRule), Given.Settings(), Given.Initiative(),
            Given.Coded(Codes.DataAsLever, 1), Given.Outcome("indicator", "RISING", new(2012, 1, 1)));

        Assert.Empty(run.Findings);
    }
}
