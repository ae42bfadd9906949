using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight;

/// <summary>
/// Turns evaluations (each initiative's resolved condition values, coded or derived, as of a date) into a QCA case
/// table. Unknown is not absence: a case without a value for the outcome is left out, and one without a value for a
/// condition is left out or read as absent or present as the <see cref="UnknownPolicy"/> says; either way the answer
/// names it.
/// </summary>
public static class GraphCases
{
    /// <param name="policy"><see cref="UnknownPolicy.Bounds"/> reads as <see cref="UnknownPolicy.DropCase"/>: its extremes are separate selections.</param>
    /// <param name="derived">Further sets by name, each case's membership by initiative (a case without one has it unknown), as derived conditions give them.</param>
    public static CaseSelection From(
        IEnumerable<Evaluation.Evaluation> evaluations, string outcome, IReadOnlyCollection<string> conditions, UnknownPolicy policy = UnknownPolicy.DropCase,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? derived = null)
    {
        var outcomeName = SetReference.Parse(outcome).Name;
        var conditionNames = conditions.Select(c => SetReference.Parse(c).Name).Where(n => n != outcomeName).Distinct(StringComparer.Ordinal).ToList();
        var cases = new List<Case>();
        var excluded = new List<ExcludedCase>();
        var warnings = new List<string>();
        var imputed = conditionNames.ToDictionary(n => n, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var evaluation in evaluations)
        {
            var values = evaluation.Conditions
                .GroupBy(c => c.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Score, StringComparer.Ordinal);
            foreach (var (name, byCase) in derived ?? new Dictionary<string, IReadOnlyDictionary<string, double>>())
            {
                if (byCase.TryGetValue(evaluation.Initiative, out var membership))
                {
                    values[name] = membership;
                }
            }
            var missing = conditionNames.Where(n => !values.ContainsKey(n)).ToList();
            var outcomeMissing = !values.ContainsKey(outcomeName);
            if (outcomeMissing || (missing.Count > 0 && policy is UnknownPolicy.DropCase or UnknownPolicy.Bounds))
            {
                var sets = outcomeMissing ? [.. missing, outcomeName] : missing;
                var explanation = $"no value for {string.Join(", ", sets)}";
                excluded.Add(new ExcludedCase(evaluation.Initiative, ExclusionReason.Unknown, sets, explanation));
                warnings.Add($"{evaluation.Initiative} left out: {explanation}");
                continue;
            }
            var memberships = new Dictionary<string, double>(StringComparer.Ordinal) { [outcomeName] = values[outcomeName] };
            foreach (var name in conditionNames)
            {
                if (values.TryGetValue(name, out var value))
                {
                    memberships[name] = value;
                }
                else
                {
                    memberships[name] = policy == UnknownPolicy.AsPresent ? 1.0 : 0.0;
                    imputed[name].Add(evaluation.Initiative);
                }
            }
            cases.Add(new Case(evaluation.Initiative, memberships));
        }
        var reading = policy == UnknownPolicy.AsPresent ? "present" : "absent";
        warnings.AddRange(imputed.Where(i => i.Value.Count > 0).Select(i =>
            $"{i.Key}: {i.Value.Count} of {cases.Count} cases have no value recorded, read as {reading}: {string.Join(", ", i.Value)}"));
        return new CaseSelection(new CaseTable(cases), excluded, warnings);
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
