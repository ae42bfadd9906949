using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>PARTNERSHIP_BODY_OWNER: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PartnershipBodyOwnerRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(PartnershipBodyOwnerRule), conditions);

    [Fact]
    public void Fire_BoardLead_FindsACaution()
    {
        var conditions = new[] { Given.Derived(Codes.OwnerPartnershipBody, 1) };

        var finding = Fire(conditions).Single(RuleIds.PartnershipBodyOwner);

        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Contains("partnership body leads", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PartnershipBodyOwner);
    }

    [Fact]
    public void Fire_CodedMostly_FindsACaution()
    {
        var conditions = new[] { Given.Coded(Codes.OwnerPartnershipBody, 0.75) };

        var finding = Fire(conditions).Single(RuleIds.PartnershipBodyOwner);

        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Contains("partnership body leads", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PartnershipBodyOwner);
    }

    [Fact]
    public void Fire_CodedAbsent_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.OwnerPartnershipBody, 0.25) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PartnershipBodyOwner);
    }

    [Fact]
    public void Fire_OwnerUnknown_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] {  };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.PartnershipBodyOwner);
        Assert.Equal(["OWNER_PARTNERSHIP_BODY"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Fire(Given.Derived(Codes.OwnerPartnershipBody, 1)).Single(RuleIds.PartnershipBodyOwner).Mechanism);
    }
}
