using LocalVision.Rules.Evaluation.Assessment;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;

namespace LocalVision.Rules.Tests.Evaluation.Support;

/// <summary>
/// One CMO rule over resolved conditions, checked the three ways every rule must behave: it fires where its context
/// holds, it is decided (no finding, not listed) where evidence contradicts it, and it is not assessed where a condition
/// is unknown. Each rule's test class states its own conditions; this says what must follow from them.
/// </summary>
internal sealed class OpenWorld(string ruleId)
{
    public RuleRun Fire(params Condition[] conditions) => RuleRun.Fire([ruleId], [Given.Settings(), Given.Initiative(), .. conditions]);

    public static IReadOnlyList<UnassessedIngredient> NotAssessed(IEnumerable<Condition> conditions) =>
        UnassessedIngredient.Of(RuleCatalogue.CmoRules, conditions.ToDictionary(c => c.Code, StringComparer.Ordinal), "as of 2015-09-01");

    public void AssertFinds(Polarity polarity, string explanation, params Condition[] conditions)
    {
        var finding = Fire(conditions).Single(ruleId);

        Assert.Equal(polarity, finding.Polarity);
        Assert.Contains(explanation, finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(NotAssessed(conditions), u => u.Rule == ruleId);
    }

    public void AssertDecided(params Condition[] conditions)
    {
        Assert.Empty(Fire(conditions).Findings);
        Assert.DoesNotContain(NotAssessed(conditions), u => u.Rule == ruleId);
    }

    public void AssertNotAssessed(string[] unknown, params Condition[] conditions)
    {
        Assert.Empty(Fire(conditions).Findings);
        Assert.Equal(unknown, Assert.Single(NotAssessed(conditions), u => u.Rule == ruleId).Unknown);
    }

    /// <summary>A caution about reading evidence that may not exist: undecided, it is simply not listed.</summary>
    public void AssertNotListed(params Condition[] conditions)
    {
        Assert.Empty(Fire(conditions).Findings);
        Assert.DoesNotContain(NotAssessed(conditions), u => u.Rule == ruleId);
    }

    /// <param name="score">The mechanism's coded score; negative for none coded.</param>
    public void AssertMechanism(string mechanism, double score, MechanismObserved expected, params Condition[] context)
    {
        var coded = score < 0 ? [] : new[] { Given.Coded(mechanism, score) };

        var finding = Fire([.. context, .. coded]).Single(ruleId);

        Assert.Equal(mechanism, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(coded.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
