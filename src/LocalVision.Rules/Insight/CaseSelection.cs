using LocalVision.Rules.Configurations;

namespace LocalVision.Rules.Insight;

/// <summary>The cases an analysis can use, and the ones left out with the reason.</summary>
public sealed record CaseSelection(CaseTable Cases, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns evaluations (each initiative's resolved condition values, coded or derived, as of a date) into a QCA case
/// table. Unknown is not absence: a case without a value for the outcome or for a chosen condition is left out,
/// and a warning names it.
/// </summary>
public static class GraphCases
{
    public static CaseSelection From(IEnumerable<Evaluation.Evaluation> evaluations, string outcome, IReadOnlyCollection<string> conditions)
    {
        var needed = conditions.Select(c => SetReference.Parse(c).Name).Append(SetReference.Parse(outcome).Name).Distinct(StringComparer.Ordinal).ToList();
        var cases = new List<Case>();
        var warnings = new List<string>();
        foreach (var evaluation in evaluations)
        {
            var values = evaluation.Conditions
                .GroupBy(c => c.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Score, StringComparer.Ordinal);
            var missing = needed.Where(n => !values.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                warnings.Add($"{evaluation.Initiative} left out: no value for {string.Join(", ", missing)}");
                continue;
            }
            cases.Add(new Case(evaluation.Initiative, needed.ToDictionary(n => n, n => values[n], StringComparer.Ordinal)));
        }
        return new CaseSelection(new CaseTable(cases), warnings);
    }

    /// <summary>The codes with a value for at least <paramref name="minimumCases"/> of the cases that have the outcome.</summary>
    public static IReadOnlyList<string> ConditionsWithData(IEnumerable<Evaluation.Evaluation> evaluations, string outcome, IReadOnlyCollection<string> candidates, int minimumCases)
    {
        var name = SetReference.Parse(outcome).Name;
        var withOutcome = evaluations.Where(e => e.Conditions.Any(c => c.Code == name)).ToList();
        return candidates
            .Where(code => code != name && withOutcome.Count(e => e.Conditions.Any(c => c.Code == code)) >= minimumCases)
            .ToList();
    }
}
