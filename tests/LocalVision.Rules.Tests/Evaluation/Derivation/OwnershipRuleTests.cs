using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

public sealed class OwnershipRuleTests
{
    [Theory]
    [InlineData("PUBLIC_HEALTH", Codes.OwnerPublicHealth)]
    [InlineData("HWBB", Codes.OwnerPartnershipBody)]
    [InlineData("CCG", Codes.OwnerPartnershipBody)]
    [InlineData("LOCAL_AUTHORITY", Codes.OwnerLocalAuthority)]
    [InlineData("NHS_PROVIDER", Codes.OwnerHealth)]
    [InlineData("VOLUNTARY", Codes.OwnerVoluntary)]
    [InlineData("COMMUNITY", Codes.OwnerVoluntary)]
    public void Fire_LeadPartnerOfKind_DerivesOwnerCodeCitingThePartner(string kind, string code)
    {
        var run = RuleRun.Fire(typeof(OwnershipRule), Given.Partner("lead", kind, "LEAD"));

        var value = Assert.Single(run.Facts<CodeValue>());
        Assert.Equal(code, value.Code);
        Assert.Equal(1, value.Score);
        Assert.Equal(CodeSource.Derived, value.Origin);
        Assert.Equal(["partners/lead"], value.Nodes);
        Assert.Contains(kind, value.Source);
    }

    [Theory]
    [InlineData("MEMBER")]
    [InlineData("SPONSOR")]
    public void Fire_PartnerNotLead_DerivesNothing(string role)
    {
        var run = RuleRun.Fire(typeof(OwnershipRule), Given.Partner("member", "PUBLIC_HEALTH", role));

        Assert.Empty(run.Facts<CodeValue>());
    }

    [Theory]
    [InlineData("POLICE")]
    [InlineData("OTHER")]
    [InlineData(null)]
    public void Fire_LeadOfKindWithoutOwnerCode_DerivesNothing(string? kind)
    {
        var run = RuleRun.Fire(typeof(OwnershipRule), Given.Partner("lead", kind, "LEAD"));

        Assert.Empty(run.Facts<CodeValue>());
    }
}
