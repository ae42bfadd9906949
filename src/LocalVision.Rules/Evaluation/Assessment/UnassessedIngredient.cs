using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;

namespace LocalVision.Rules.Evaluation.Assessment;

/// <summary>
/// A rule of the programme theory an evaluation could not decide: its context neither holds nor is contradicted, because
/// a condition is unknown. Says which report section it belongs to and what would settle it.
/// </summary>
/// <param name="Subject">For rules that fire once per subject (a leadership element): which one; null otherwise.</param>
/// <param name="Unknown">The conditions that are unknown (catalogue codes, or codes the engine derives).</param>
/// <param name="MissingCodes">The catalogue codes whose observation would settle it.</param>
/// <param name="Reason">Why each unknown condition is unknown, in words.</param>
public sealed record UnassessedIngredient(
    string Rule,
    string? Subject,
    string Title,
    Polarity Polarity,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> MissingCodes,
    string Reason)
{
    /// <summary>
    /// Every rule whose context is undecided for these conditions, read from each rule's declared context: nothing here
    /// is written per rule. Rules that say they list no such state (cautions about evidence that may not exist) are left out.
    /// </summary>
    public static IReadOnlyList<UnassessedIngredient> Of(
        IEnumerable<CmoRuleDefinition> theory, IReadOnlyDictionary<string, Condition> conditions, string asOf)
    {
        var list = new List<UnassessedIngredient>();
        foreach (var rule in theory.Where(r => r.ListsUnassessed))
        {
            foreach (var variant in rule.Variants)
            {
                var context = RuleContext.Of(variant.Context, conditions);
                if (context.Value != ConditionValue.Unknown)
                {
                    continue;
                }
                var unknown = context.Unknown.ToList();
                list.Add(new UnassessedIngredient(
                    rule.Id,
                    variant.Name.Length == 0 ? null : variant.Name,
                    rule.Title,
                    rule.Polarity,
                    rule.Sections,
                    unknown.Select(t => t.Term.Code).ToList(),
                    unknown.SelectMany(t => SettledBy(t.Term.Code)).Distinct(StringComparer.Ordinal).ToList(),
                    string.Join("; ", unknown.Select(t => WhyUnknown(t, asOf)))));
            }
        }
        return list;
    }

    private static IEnumerable<string> SettledBy(string code) =>
        CodeCatalogue.IsKnown(code) ? [code] : DerivedCodes.Find(code)?.SettledBy ?? [];

    private static string WhyUnknown(TermValue term, string asOf)
    {
        var code = term.Term.Code;
        if (term.Condition is { } condition)
        {
            var from = condition.Observations.Any() ? "coded in " + string.Join(", ", condition.Observations) : "derived: " + string.Join("; ", condition.Values.Select(v => v.Source));
            return term.Condition.Value == ConditionValue.Unknown
                ? $"{code} is {CodeValue.Format(condition.Score)}, neither present nor absent ({from})"
                : $"{code} is {(condition.Value == ConditionValue.Present ? "present" : "absent")} but no ALIGNED_WITH effect is recorded";
        }
        if (CodeCatalogue.Find(code) is { } catalogued)
        {
            return catalogued.Derived ? $"no {code} observation {asOf}, nor anything in the graph it is derived from" : $"no {code} observation {asOf}";
        }
        var derived = DerivedCodes.Find(code);
        return derived is null ? $"{code} has no value" : $"{code} is unknown: it needs {derived.Records}";
    }
}
