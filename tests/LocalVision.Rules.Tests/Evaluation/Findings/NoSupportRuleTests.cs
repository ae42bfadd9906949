using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>NO_SUPPORT: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class NoSupportRuleTests
{
    private static readonly OpenWorld Rule = new("NO_SUPPORT");

    [Fact]
    public void Fire_SupportAbsent_FindsARisk()
    {
        Rule.AssertFinds(Polarity.Risk, "lacking or partial", Given.Coded(Codes.DedicatedSupport, 0));
    }

    [Fact]
    public void Fire_SupportPartlyOnEvidence_FindsARisk()
    {
        Rule.AssertFinds(Polarity.Risk, "lacking or partial", Given.Coded(Codes.DedicatedSupport, 0.5));
    }

    [Fact]
    public void Fire_SupportMostly_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.DedicatedSupport, 0.75));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["DEDICATED_SUPPORT"]);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.DedicatedSupport, 0, "L")).Single("NO_SUPPORT").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Coded(Codes.DedicatedSupport, 0)).Single("NO_SUPPORT").Mechanism);
    }

    [Fact]
    public void Fire_LeadChangedBesideNoSupport_CitesTheChangeWithoutNeedingIt()
    {
        var finding = Rule.Fire(Given.Coded(Codes.DedicatedSupport, 0), Given.Derived(DerivedCodes.ProjectLeadChanged, 1)).Single("NO_SUPPORT");

        Assert.Contains(finding.DerivedFacts, d => d.Code == DerivedCodes.ProjectLeadChanged);
        Assert.Empty(Rule.Fire(Given.Derived(DerivedCodes.ProjectLeadChanged, 1)).Findings);
    }
}
