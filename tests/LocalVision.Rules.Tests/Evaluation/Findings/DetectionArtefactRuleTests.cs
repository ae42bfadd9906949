using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>DETECTION_ARTEFACT: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class DetectionArtefactRuleTests
{
    private static readonly OpenWorld Rule = new("DETECTION_ARTEFACT");

    [Fact]
    public void Fire_RisingWhileDataUsed_FindsACaution()
    {
        Rule.AssertFinds(Polarity.Caution, "better detection", Given.Coded(Codes.DataAsLever, 1), Given.Derived(DerivedCodes.RisingIndicator, 1));
    }

    [Fact]
    public void Fire_NothingRising_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.DataAsLever, 1), Given.Derived(DerivedCodes.RisingIndicator, 0));
    }

    [Fact]
    public void Fire_DataNotUsed_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.DataAsLever, 0), Given.Derived(DerivedCodes.RisingIndicator, 1));
    }

    [Fact]
    public void Fire_NoTrendRecorded_DoesNotFireAndIsNotListed()
    {
        Rule.AssertNotListed(Given.Coded(Codes.DataAsLever, 1));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.DataAsLever, 1, "L"), Given.Derived(DerivedCodes.RisingIndicator, 1)).Single("DETECTION_ARTEFACT").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Coded(Codes.DataAsLever, 1), Given.Derived(DerivedCodes.RisingIndicator, 1)).Single("DETECTION_ARTEFACT").Mechanism);
    }
}
