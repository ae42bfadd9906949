using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight.Studies;

/// <summary>One of the four intersections of theory T and solution S (SetMethods' theory.evaluation).</summary>
/// <param name="Label">"T*S", "~T*S", "T*~S" or "~T*~S".</param>
/// <param name="Members">Cases with membership &gt; 0.5 in the intersection.</param>
/// <param name="InOutcome">Of the members, those in the outcome (membership &gt; 0.5), as SetMethods splits each intersection by Y.</param>
/// <param name="OutOfOutcome">Of the members, those out of the outcome (membership &lt; 0.5); a case at 0.5 is on neither side.</param>
/// <param name="Fit">Sufficiency of the intersection for the outcome (consistency, coverage, PRI); NaN when empty.</param>
/// <param name="Reading">One sentence for the evaluator.</param>
public sealed record TheoryIntersection(
    string Label, IReadOnlyList<string> Members, IReadOnlyList<string> InOutcome, IReadOnlyList<string> OutOfOutcome, SufficiencyFit Fit, string Reading);

/// <summary>Compares a theory with a solution on the same cases: the four intersections and how each fits the outcome.</summary>
public static class TheoryEvaluation
{
    public static IReadOnlyList<TheoryIntersection> Evaluate(
        IReadOnlyList<string> names, IReadOnlyList<double> theory, IReadOnlyList<double> solution, IReadOnlyList<double> outcome)
    {
        if (names.Count != theory.Count || theory.Count != solution.Count || solution.Count != outcome.Count)
        {
            throw new ArgumentException("names, theory, solution and outcome must have the same length");
        }

        return
        [
            Intersection("T*S", names, theory, solution, outcome, t => t, s => s, "corroborated"),
            Intersection("~T*S", names, theory, solution, outcome, t => 1 - t, s => s, "found by the solution but not foreseen by the theory"),
            Intersection("T*~S", names, theory, solution, outcome, t => t, s => 1 - s, "foreseen by the theory but not found by the solution"),
            Intersection("~T*~S", names, theory, solution, outcome, t => 1 - t, s => 1 - s, "outside both theory and solution"),
        ];
    }

    private static TheoryIntersection Intersection(
        string label,
        IReadOnlyList<string> names,
        IReadOnlyList<double> theory,
        IReadOnlyList<double> solution,
        IReadOnlyList<double> outcome,
        Func<double, double> t,
        Func<double, double> s,
        string meaning)
    {
        var membership = new double[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            membership[i] = Math.Min(t(theory[i]), s(solution[i]));
        }

        var memberIndices = Enumerable.Range(0, names.Count).Where(i => membership[i] > 0.5).ToList();
        var members = memberIndices.Select(i => names[i]).ToList();
        var inOutcome = memberIndices.Where(i => outcome[i] > 0.5).Select(i => names[i]).ToList();
        var outOfOutcome = memberIndices.Where(i => outcome[i] < 0.5).Select(i => names[i]).ToList();
        var fit = SetSums.Of(membership, outcome.ToArray()).Sufficiency();
        var reading = $"{label}: {meaning} — {members.Count} case(s), {inOutcome.Count} of them with the outcome.";
        return new TheoryIntersection(label, members, inOutcome, outOfOutcome, fit, reading);
    }
}
