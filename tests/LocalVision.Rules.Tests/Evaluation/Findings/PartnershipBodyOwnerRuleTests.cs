using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>PARTNERSHIP_BODY_OWNER: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PartnershipBodyOwnerRuleTests
{
    private static readonly OpenWorld Rule = new("PARTNERSHIP_BODY_OWNER");

    [Fact]
    public void Fire_BoardLead_FindsACaution()
    {
        Rule.AssertFinds(Polarity.Caution, "partnership body leads", Given.Derived(Codes.OwnerPartnershipBody, 1));
    }

    [Fact]
    public void Fire_CodedMostly_FindsACaution()
    {
        Rule.AssertFinds(Polarity.Caution, "partnership body leads", Given.Coded(Codes.OwnerPartnershipBody, 0.75));
    }

    [Fact]
    public void Fire_CodedAbsent_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.OwnerPartnershipBody, 0.25));
    }

    [Fact]
    public void Fire_OwnerUnknown_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["OWNER_PARTNERSHIP_BODY"]);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Derived(Codes.OwnerPartnershipBody, 1)).Single("PARTNERSHIP_BODY_OWNER").Mechanism);
    }
}
