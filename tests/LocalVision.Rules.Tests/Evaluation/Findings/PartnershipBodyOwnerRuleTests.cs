using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class PartnershipBodyOwnerRuleTests
{
    [Theory]
    [InlineData("HWBB")]
    [InlineData("CCG")]
    public void Fire_LeadPartnerIsPartnershipBody_FindsCautionCitingThePartner(string kind)
    {
        var run = RuleRun.Fire([typeof(PartnershipBodyOwnerRule), typeof(OwnershipRule), typeof(ResolveConditionRule)],
            [Given.Settings(), Given.Initiative(), Given.Partner("board", kind, "LEAD")]);

        var finding = run.Single(RuleIds.PartnershipBodyOwner);
        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Equal(["partners/board"], Assert.Single(finding.DerivedFacts).Nodes);
    }

    [Fact]
    public void Fire_CodedOwner_Fires()
    {
        var run = RuleRun.Fire(typeof(PartnershipBodyOwnerRule), Given.Settings(), Given.Initiative(), Given.Coded(Codes.OwnerPartnershipBody, 0.75));

        run.Single(RuleIds.PartnershipBodyOwner);
    }

    [Fact]
    public void Fire_PartnershipBodyOnlyMember_DoesNotFire()
    {
        var run = RuleRun.Fire([typeof(PartnershipBodyOwnerRule), typeof(OwnershipRule), typeof(ResolveConditionRule)],
            [Given.Settings(), Given.Initiative(), Given.Partner("board", "HWBB", "MEMBER"), Given.Partner("council", "LOCAL_AUTHORITY", "LEAD")]);

        Assert.Empty(run.Findings);
    }
}
