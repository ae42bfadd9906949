using System.Text.RegularExpressions;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>Whether a rule's expected mechanism was observed in the initiative.</summary>
public enum MechanismObserved
{
    Yes,
    No,
    Unknown,
}

/// <summary>The expected mechanism of a finding's rule, and what the observations say of it.</summary>
/// <param name="Score">The mechanism's resolved score; null when nobody observed it.</param>
public sealed record MechanismObservation(
    string Code, MechanismObserved Observed, double? Score, IReadOnlyList<string> Observations, IReadOnlyList<string> Evidence)
{
    public static MechanismObservation Of(string code, Condition? condition) => new(
        code,
        condition?.Value switch
        {
            ConditionValue.Present => MechanismObserved.Yes,
            ConditionValue.Absent => MechanismObserved.No,
            _ => MechanismObserved.Unknown,
        },
        condition?.Score,
        condition?.Observations.ToList() ?? [],
        condition?.Evidence.Distinct(StringComparer.Ordinal).ToList() ?? []);
}

/// <summary>What a CMO rule found about an initiative, and exactly which facts made it fire.</summary>
/// <param name="Subject">What the finding is about when a rule fires once per subject (a leadership element, a contested code); null otherwise.</param>
/// <param name="Conditions">The conditions the rule's context matched, then those it also cites.</param>
/// <param name="Observations">The observations (resource names) behind the matched conditions.</param>
/// <param name="Evidence">The evidence (resource names) supporting those observations or derived facts, as the scope shows it.</param>
/// <param name="DerivedFacts">The derived facts the rule matched, each with where it came from.</param>
/// <param name="Mechanism">The expected mechanism and whether it was observed; null when the rule expects none.</param>
/// <param name="Tentative">The finding rests on an L-confidence observation: shown as tentative, weighed at TentativeFactor.</param>
/// <param name="Illustrative">The finding rests on data marked illustrative (only possible when the caller includes it).</param>
/// <param name="MissingElements">For a risk: the codes whose absence it rests on, so that one missing element is counted once.</param>
public sealed partial record Finding(
    string RuleId,
    string Initiative,
    Polarity Polarity,
    string Title,
    string Explanation,
    string ReportSection,
    IReadOnlyList<string> Observations,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<DerivedFact> DerivedFacts,
    string? Subject = null)
{
    public IReadOnlyList<string> Sections { get; init; } = [];

    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    public MechanismObservation? Mechanism { get; init; }

    public bool Tentative { get; init; }

    public bool Illustrative { get; init; }

    /// <summary>The rule's catalogue weight (the outlook applies configured weights and the tentative factor).</summary>
    public double Weight { get; init; }

    public IReadOnlyList<string> MissingElements { get; init; } = [];

    /// <summary>Where the finding's rule comes in its theory: findings are listed, and the outlook counts them, in this order.</summary>
    public int Order { get; init; }

    /// <summary>A finding of a CMO rule whose context holds, with its explanation filled in from the conditions.</summary>
    public static Finding Of(CmoRuleDefinition rule, RuleSubject variant, InitiativeFact initiative, IEnumerable<Condition> conditions)
    {
        var byCode = conditions.GroupBy(c => c.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var context = RuleContext.Of(variant.Context, byCode);
        var matched = context.Terms.Select(t => t.Condition).OfType<Condition>()
            .Concat(rule.AlsoCites.Select(byCode.GetValueOrDefault).OfType<Condition>().Where(c => c.Value == ConditionValue.Present))
            .ToList();
        var explanation = Placeholder().Replace(rule.Explanation, m => m.Groups[1].Value switch
        {
            "subject" => variant.Description,
            "context" => string.Join("; ", context.Terms.Select(t => t.Condition?.Describe() ?? t.Term.Code + " (no value)")),
            var code => byCode.GetValueOrDefault(code)?.Describe() ?? code + " (no value)",
        });
        return Of(rule, initiative, explanation, matched) with
        {
            Subject = variant.Name.Length == 0 ? null : variant.Name,
            Mechanism = rule.Mechanism is null ? null : MechanismObservation.Of(rule.Mechanism, byCode.GetValueOrDefault(rule.Mechanism)),
            Tentative = context.Terms.Any(t => t.Condition?.Tentative == true),
            Illustrative = matched.Any(c => c.Illustrative),
            MissingElements = rule.Polarity == Polarity.Risk
                ? context.Terms.Where(t => t.Term.Expects != Expectation.Present).SelectMany(t => t.Condition!.Basis).Distinct(StringComparer.Ordinal).ToList()
                : [],
        };
    }

    /// <summary>
    /// A finding of a catalogued rule, citing the conditions it matched. Title, sections, polarity and weight come from
    /// the rule's definition; the explanation names the initiative and the facts.
    /// </summary>
    public static Finding Of(
        CmoRuleDefinition rule,
        InitiativeFact initiative,
        string explanation,
        IReadOnlyList<Condition> conditions,
        IEnumerable<DerivedFact>? derivedFacts = null,
        IEnumerable<string>? evidence = null) =>
        new(
            rule.Id,
            initiative.Name,
            rule.Polarity,
            rule.Title,
            $"{initiative.DisplayName}: {explanation} (§{rule.Section})",
            rule.Section,
            Distinct(conditions.SelectMany(c => c.Observations)),
            Distinct(conditions.SelectMany(c => c.Evidence).Concat(evidence ?? [])),
            conditions.SelectMany(c => c.DerivedFacts).Concat(derivedFacts ?? []).Distinct().ToList())
        {
            Sections = rule.Sections,
            Conditions = conditions,
            Weight = rule.Weight,
            Tentative = conditions.Any(c => c.Tentative),
            Illustrative = conditions.Any(c => c.Illustrative),
        };

    private static List<string> Distinct(IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{([A-Za-z_]+)\}")]
    private static partial Regex Placeholder();
}
