using System.Globalization;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>
/// Observations of one outcome code, from different evidence, on both sides of "partly" (§7.4.4): what a rule of the
/// <see cref="RuleForm.ContestedOutcome"/> form fires on, once per contested code.
/// </summary>
public static class ContestedObservations
{
    public static bool IsOutcome(string code) => CodeCatalogue.Find(code)?.Kind == CodeKind.Outcome;

    /// <summary>Whether a high and a low observation rest on different evidence.</summary>
    public static bool Contested(IEnumerable<ObservationFact> observations, EvaluationOptions options)
    {
        var list = observations.ToList();
        return list.Where(o => options.IsPresent(o.Score))
            .Any(high => list.Where(o => options.IsAbsent(o.Score)).Any(low => !high.Evidence.ToHashSet().SetEquals(low.Evidence)));
    }

    /// <summary>
    /// The rule's finding about one contested code, its explanation filled in with the code as <c>{subject}</c> and the
    /// disagreeing observations as <c>{views}</c>.
    /// </summary>
    public static Finding Find(CmoRuleDefinition rule, InitiativeFact initiative, IReadOnlyList<ObservationFact> observations, EvaluationOptions options)
    {
        var sides = observations
            .Where(o => options.IsPresent(o.Score) || options.IsAbsent(o.Score))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        var code = sides[0].Code;
        var views = string.Join("; ", sides.Select(o =>
            string.Create(CultureInfo.InvariantCulture, $"{o.Name} scores {o.Score:0.##} on {string.Join(", ", o.Evidence)}")));
        var explanation = rule.Explanation.Replace("{subject}", code, StringComparison.Ordinal).Replace("{views}", views, StringComparison.Ordinal);
        return Finding.Of(rule, initiative, explanation, []) with
        {
            Subject = code,
            Observations = sides.Select(o => o.Name).ToList(),
            Evidence = sides.SelectMany(o => o.Evidence).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Tentative = sides.Any(o => o.Confidence == "L"),
            Illustrative = sides.Any(o => o.Illustrative),
        };
    }
}
