using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Insight.Studies;

namespace LocalVision.Rules.Tests.Insight.Studies;

public sealed class RuleTheoryTests
{
    [Fact]
    public void Express_ContextOfPresentAndAbsentTerms_IsOneProduct()
    {
        var (theory, warnings) = RuleTheory.Express(RuleCatalogue.Cmo("SENIOR_LATE"), ["SENIOR_ENGAGEMENT_EARLY", "SHORT_FUNDED", "MOMENTUM"]);

        Assert.Equal("~SENIOR_ENGAGEMENT_EARLY*SHORT_FUNDED", theory.ToString());
        Assert.Empty(warnings);
    }

    [Fact]
    public void Express_AbsentOrPartly_ReadsAsTheNegationAndSaysSo()
    {
        var (theory, warnings) = RuleTheory.Express(RuleCatalogue.Cmo("NO_SUPPORT"), ["DEDICATED_SUPPORT"]);

        Assert.Equal("~DEDICATED_SUPPORT", theory.ToString());
        Assert.Contains(warnings, w => w.Contains("absent or partly"));
    }

    [Fact]
    public void Express_RuleWithSubjects_IsOneProductPerSubject()
    {
        var rule = RuleCatalogue.Cmo("LEADERSHIP_GAP");
        var codes = rule.Subjects.SelectMany(s => s.Context).Select(t => t.Code).Distinct().ToList();

        var (theory, _) = RuleTheory.Express(rule, codes);

        Assert.Equal(rule.Subjects.Count, theory.Terms.Count);
    }

    [Fact]
    public void Express_ContextReadingAnotherCondition_NamesIt()
    {
        var error = Assert.Throws<RuleNotExpressibleException>(() => RuleTheory.Express(RuleCatalogue.Cmo("SENIOR_LATE"), ["SENIOR_ENGAGEMENT_EARLY"]));

        Assert.Equal(["SHORT_FUNDED"], error.Missing);
        Assert.Contains("SHORT_FUNDED", error.Message);
    }

    [Fact]
    public void Find_MisspeltRule_SuggestsTheNearest()
    {
        var error = Assert.Throws<RuleNotFoundException>(() => RuleTheory.Find(RuleCatalogue.CmoRules, "FOCUSSED"));

        Assert.Equal("FOCUSED", error.Closest);
        Assert.Equal("FOCUSED", RuleTheory.Find(RuleCatalogue.CmoRules, "focused").Id);
    }
}
