using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>UNFOCUSED: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class UnfocusedRuleTests
{
    private static readonly OpenWorld Rule = new("UNFOCUSED");

    [Fact]
    public void Fire_FocusedProblemBarely_FindsARisk()
    {
        Rule.AssertFinds(Polarity.Risk, "lacked a distinct focus", Given.Coded(Codes.FocusedProblem, 0.25));
    }

    [Fact]
    public void Fire_FocusedProblemAbsent_FindsARisk()
    {
        Rule.AssertFinds(Polarity.Risk, "lacked a distinct focus", Given.Coded(Codes.FocusedProblem, 0));
    }

    [Fact]
    public void Fire_FocusedProblemMostly_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.FocusedProblem, 0.75));
    }

    [Fact]
    public void Fire_NoFocusObservation_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["FOCUSED_PROBLEM"]);
    }

    [Fact]
    public void Fire_FocusPartly_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["FOCUSED_PROBLEM"], Given.Coded(Codes.FocusedProblem, 0.5));
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        Assert.True(Rule.Fire(Given.Coded(Codes.FocusedProblem, 0.25, "L")).Single("UNFOCUSED").Tentative);
    }

    [Fact]
    public void Fire_RuleExpectsNoMechanism_NamesNone()
    {
        Assert.Null(Rule.Fire(Given.Coded(Codes.FocusedProblem, 0.25)).Single("UNFOCUSED").Mechanism);
    }
}
