using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>DETECTION_ARTEFACT: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class DetectionArtefactRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(DetectionArtefactRule), conditions);

    [Fact]
    public void Fire_RisingWhileDataUsed_FindsACaution()
    {
        var conditions = new[] { Given.Coded(Codes.DataAsLever, 1), Given.Derived(DerivedCodes.RisingIndicator, 1) };

        var finding = Fire(conditions).Single(RuleIds.DetectionArtefact);

        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Contains("better detection", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.DetectionArtefact);
    }

    [Fact]
    public void Fire_NothingRising_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.DataAsLever, 1), Given.Derived(DerivedCodes.RisingIndicator, 0) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.DetectionArtefact);
    }

    [Fact]
    public void Fire_DataNotUsed_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.DataAsLever, 0), Given.Derived(DerivedCodes.RisingIndicator, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.DetectionArtefact);
    }

    [Fact]
    public void Fire_NoTrendRecorded_DoesNotFireAndIsNotListed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.DataAsLever, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.DetectionArtefact);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.DataAsLever, 1, "L"), Given.Derived(DerivedCodes.RisingIndicator, 1)).Single(RuleIds.DetectionArtefact);

        Assert.True(finding.Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Coded(Codes.DataAsLever, 1), Given.Derived(DerivedCodes.RisingIndicator, 1)).Single(RuleIds.DetectionArtefact).Mechanism);
    }
}
