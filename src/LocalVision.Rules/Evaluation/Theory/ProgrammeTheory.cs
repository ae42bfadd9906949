using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;

namespace LocalVision.Rules.Evaluation.Theory;

/// <summary>What one case says of one rule of the programme theory (docs/domain.md, "Testing the programme theory against the cases").</summary>
public enum Verdict
{
    /// <summary>Context present, and the outcome as the rule expects: reached for an ingredient, not reached for a risk or caution.</summary>
    Supports,

    /// <summary>Context present, outcome not as expected: the case that refines the theory.</summary>
    Deviant,

    /// <summary>The expected result without the context: for an ingredient, evidence it is not necessary.</summary>
    Alternative,

    /// <summary>Neither the context nor the expected result.</summary>
    Consistent,

    /// <summary>The context or the outcome is unknown (or the rule names no outcome).</summary>
    Untested,
}

/// <summary>A value a verdict rests on: the context, mechanism or outcome of a rule in one case.</summary>
/// <param name="Code">The condition's code; null for a context of several terms.</param>
/// <param name="Membership">The fuzzy membership used for consistency and coverage; null while unknown.</param>
public sealed record TheoryValue(string? Code, ConditionValue Value, double? Membership, IReadOnlyList<string> Observations, IReadOnlyList<string> Evidence);

/// <summary>One rule tested in one case.</summary>
public sealed record CaseTest(
    string Initiative, string DisplayName, Verdict Verdict, TheoryValue Context, TheoryValue? Mechanism, TheoryValue? Outcome, string Reason);

/// <summary>One rule tested across the cases.</summary>
/// <param name="Testable">Cases whose context and outcome are both known.</param>
/// <param name="Consistency">Set-theoretic consistency of the context as sufficient for the expected result, Σmin(X,Y)/ΣX, over the testable cases; null when ΣX is 0.</param>
/// <param name="Coverage">Σmin(X,Y)/ΣY over the testable cases; null when ΣY is 0.</param>
public sealed record RuleTest(
    string RuleId,
    string? Subject,
    string Title,
    Polarity Polarity,
    IReadOnlyList<string> Sections,
    string? Mechanism,
    string? Outcome,
    IReadOnlyDictionary<Verdict, int> Counts,
    int Testable,
    double? Consistency,
    double? Coverage,
    IReadOnlyList<CaseTest> Cases);

/// <summary>
/// Tests each rule against each case. The context's value is read by <see cref="RuleContext"/>, as the rule itself reads
/// it; the outcome's is its resolved condition. X is the context's membership, Y the expected result's: the outcome's
/// score for an ingredient, one minus it for a risk or caution (which expect the outcome not to be reached).
/// </summary>
public static class ProgrammeTheory
{
    public static IReadOnlyList<RuleTest> Test(IEnumerable<CmoRuleDefinition> rules, IReadOnlyList<Evaluation> evaluations) =>
        rules.SelectMany(rule => rule.Variants.Select(variant => Test(rule, variant, evaluations))).ToList();

    private static RuleTest Test(CmoRuleDefinition rule, RuleSubject variant, IReadOnlyList<Evaluation> evaluations)
    {
        var cases = evaluations.Select(e => Case(rule, variant, e)).ToList();
        var testable = cases.Where(c => c.Verdict != Verdict.Untested).ToList();
        var x = testable.Select(c => c.Context.Membership ?? 0).ToList();
        var y = testable.Select(c => Expected(rule, c.Outcome!.Membership ?? 0)).ToList();
        var both = x.Zip(y, Math.Min).Sum();
        return new RuleTest(
            rule.Id,
            variant.Name.Length == 0 ? null : variant.Name,
            rule.Title,
            rule.Polarity,
            rule.Sections,
            rule.Mechanism,
            rule.Outcome,
            Enum.GetValues<Verdict>().ToDictionary(v => v, v => cases.Count(c => c.Verdict == v)),
            testable.Count,
            x.Sum() > 0 ? both / x.Sum() : null,
            y.Sum() > 0 ? both / y.Sum() : null,
            cases);
    }

    private static CaseTest Case(CmoRuleDefinition rule, RuleSubject variant, Evaluation evaluation)
    {
        var conditions = evaluation.ConditionsByCode;
        var context = ContextValue(rule, variant, evaluation);
        var mechanism = rule.Mechanism is null ? null : ValueOf(rule.Mechanism, conditions.GetValueOrDefault(rule.Mechanism));
        var outcome = rule.Outcome is null ? null : ValueOf(rule.Outcome, conditions.GetValueOrDefault(rule.Outcome));
        var (verdict, reason) = Judge(rule, evaluation, context, outcome);
        return new CaseTest(evaluation.Initiative, evaluation.DisplayName, verdict, context, mechanism, outcome, reason);
    }

    private static TheoryValue ContextValue(CmoRuleDefinition rule, RuleSubject variant, Evaluation evaluation)
    {
        if (variant.Context.Count == 0)
        {
            // A rule with no declared context (CONTESTED_VIEWS) is present where it fired and unknown elsewhere.
            var fired = evaluation.Findings.Where(f => f.RuleId == rule.Id).ToList();
            return new TheoryValue(null, fired.Count > 0 ? ConditionValue.Present : ConditionValue.Unknown, fired.Count > 0 ? 1 : null,
                fired.SelectMany(f => f.Observations).Distinct(StringComparer.Ordinal).ToList(),
                fired.SelectMany(f => f.Evidence).Distinct(StringComparer.Ordinal).ToList());
        }
        var context = RuleContext.Of(variant.Context, evaluation.ConditionsByCode);
        var read = context.Terms.Select(t => t.Condition).OfType<Condition>().ToList();
        return new TheoryValue(variant.Context.Count == 1 ? variant.Context[0].Code : null, context.Value, context.Membership,
            read.SelectMany(c => c.Observations).Distinct(StringComparer.Ordinal).ToList(),
            read.SelectMany(c => c.Evidence).Distinct(StringComparer.Ordinal).ToList());
    }

    private static TheoryValue ValueOf(string code, Condition? condition) =>
        condition is null
            ? new TheoryValue(code, ConditionValue.Unknown, null, [], [])
            : new TheoryValue(code, condition.Value, condition.Value == ConditionValue.Unknown ? null : condition.Score,
                condition.Observations.ToList(), condition.Evidence.Distinct(StringComparer.Ordinal).ToList());

    private static (Verdict, string) Judge(CmoRuleDefinition rule, Evaluation evaluation, TheoryValue context, TheoryValue? outcome)
    {
        if (evaluation.Status == EvaluationStatus.NotStarted)
        {
            return (Verdict.Untested, "not started by the date");
        }
        if (outcome is null)
        {
            return (Verdict.Untested, "the rule names no outcome to test against");
        }
        if (context.Value == ConditionValue.Unknown)
        {
            return (Verdict.Untested, "the context is unknown");
        }
        if (outcome.Value == ConditionValue.Unknown)
        {
            return (Verdict.Untested, $"context {(context.Value == ConditionValue.Present ? "present" : "absent")}, {outcome.Code} unknown");
        }
        var reached = outcome.Value == ConditionValue.Present;
        var expected = rule.Polarity == Polarity.Ingredient ? reached : !reached;
        var result = $"{outcome.Code} {(reached ? "reached" : "not reached")}";
        return context.Value == ConditionValue.Present
            ? (expected ? Verdict.Supports : Verdict.Deviant, $"context present, {result}")
            : (expected ? Verdict.Alternative : Verdict.Consistent, $"context absent, {result}");
    }

    /// <summary>The expected result's membership: the outcome's for an ingredient, its negation for a risk or caution.</summary>
    private static double Expected(CmoRuleDefinition rule, double outcome) => rule.Polarity == Polarity.Ingredient ? outcome : 1 - outcome;
}
