using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>What a CMO rule found about an initiative, and exactly which facts made it fire.</summary>
/// <param name="Subject">What the finding is about when a rule can fire several times for one initiative: a leadership element, an outcome.</param>
/// <param name="Observations">The observations (resource names) behind the matched conditions.</param>
/// <param name="Evidence">The evidence (resource names) supporting those observations or the matched outcome.</param>
/// <param name="DerivedFacts">The derived facts the rule matched, each with where it came from.</param>
public sealed record Finding(
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
    /// <summary>
    /// A finding of a catalogued rule, citing the conditions it matched. Title, section and polarity come from
    /// <see cref="RuleCatalogue"/>; the explanation names the initiative and the facts.
    /// </summary>
    public static Finding Of(
        string ruleId,
        InitiativeFact initiative,
        string explanation,
        IEnumerable<Condition> conditions,
        IEnumerable<DerivedFact>? derivedFacts = null,
        IEnumerable<string>? evidence = null,
        string? subject = null)
    {
        var matched = conditions.ToList();
        return new Finding(
            ruleId,
            initiative.Name,
            RuleCatalogue.PolarityOf(ruleId),
            RuleCatalogue.TitleOf(ruleId),
            $"{initiative.DisplayName}: {explanation} (§{RuleCatalogue.SectionOf(ruleId)})",
            RuleCatalogue.SectionOf(ruleId),
            Distinct(matched.SelectMany(c => c.Observations)),
            Distinct(matched.SelectMany(c => c.Evidence).Concat(evidence ?? [])),
            matched.SelectMany(c => c.DerivedFacts).Concat(derivedFacts ?? []).Distinct().ToList(),
            subject);
    }

    private static List<string> Distinct(IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
