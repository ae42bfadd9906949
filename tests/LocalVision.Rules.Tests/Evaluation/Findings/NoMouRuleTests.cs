using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>NO_MOU: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class NoMouRuleTests
{
    private static readonly OpenWorld Rule = new("NO_MOU");

    [Fact]
    public void Fire_NoMouAgreed_FindsARisk()
    {
        Rule.AssertFinds(Polarity.Risk, "no memorandum", Given.Coded(Codes.MouAgreed, 0));
    }

    [Fact]
    public void Fire_MouAgreed_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.MouAgreed, 1));
    }

    [Fact]
    public void Fire_NoObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["MOU_AGREED"]);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.MouAgreed, 0, "L")).Single("NO_MOU").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Coded(Codes.MouAgreed, 0)).Single("NO_MOU").Mechanism);
    }
}
