using LocalVision.Graph.Store;

namespace LocalVision.Rules.Qca;

/// <param name="ConsistencyCutoff">Minimum necessity consistency to report (default 0.9).</param>
/// <param name="IncludeDisjunctions">Also test X + Z for pairs of conditions and their negations.</param>
/// <param name="RelevanceCutoff">Minimum relevance of necessity to report (default 0: all).</param>
public sealed record NecessityOptions(double ConsistencyCutoff = 0.9, bool IncludeDisjunctions = true, double RelevanceCutoff = 0.0);

/// <summary>A condition, or a disjunction of two, that passes the necessity cut-off.</summary>
/// <param name="Expression"><c>X</c>, <c>~X</c> or <c>X + ~Z</c>.</param>
/// <param name="Disjuncts">The sets united (one or two).</param>
/// <param name="OutcomeCases">Cases in the outcome (above 0.5).</param>
/// <param name="DeviantCases">Cases in the outcome but not in the expression (0.5 or less): they contradict necessity in kind.</param>
public sealed record NecessaryCondition(
    string Expression,
    IReadOnlyList<SetReference> Disjuncts,
    NecessityFit Fit,
    SetSums Sums,
    IReadOnlyList<string> OutcomeCases,
    IReadOnlyList<string> DeviantCases);

public sealed record NecessityResult(string Outcome, IReadOnlyList<NecessaryCondition> Conditions, IReadOnlyList<string> Warnings);

/// <summary>
/// Analysis of necessity: which conditions, negated conditions and (optionally) disjunctions of two the
/// outcome is a subset of. A disjunction is reported only when neither part passes on its own, since a
/// superset of a necessary condition is trivially necessary.
/// </summary>
public static class NecessityAnalysis
{
    public static NecessityResult Analyze(
        CaseTable cases, string outcome, IReadOnlyList<string> conditions, NecessityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(conditions);
        options ??= new NecessityOptions();
        if (options.ConsistencyCutoff is < 0.0 or > 1.0 || double.IsNaN(options.ConsistencyCutoff))
        {
            throw GraphValidationException.Single("consistency_cutoff", "must lie between 0 and 1");
        }

        var y = cases.MembershipArray(SetReference.Parse(outcome));
        var literals = conditions
            .Select(SetReference.Parse)
            .SelectMany(c => new[] { c, c.Negate() })
            .Select(c => (Reference: c, Membership: cases.MembershipArray(c)))
            .ToList();

        var found = new List<NecessaryCondition>();
        var passingAlone = new HashSet<SetReference>();
        foreach (var (reference, membership) in literals)
        {
            if (Evaluate([reference], membership, y, cases, options) is { } necessary)
            {
                found.Add(necessary);
                passingAlone.Add(reference);
            }
        }

        if (options.IncludeDisjunctions)
        {
            for (var a = 0; a < literals.Count; a++)
            {
                for (var b = a + 1; b < literals.Count; b++)
                {
                    var (first, second) = (literals[a], literals[b]);
                    if (first.Reference.Name == second.Reference.Name
                        || passingAlone.Contains(first.Reference)
                        || passingAlone.Contains(second.Reference))
                    {
                        continue;
                    }

                    var union = first.Membership.Zip(second.Membership, Math.Max).ToArray();
                    if (Evaluate([first.Reference, second.Reference], union, y, cases, options) is { } necessary)
                    {
                        found.Add(necessary);
                    }
                }
            }
        }

        var warnings = new List<string>();
        var outcomeSum = y.Sum();
        if (outcomeSum == 0)
        {
            warnings.Add($"No case has any membership in {SetReference.Parse(outcome)}: necessity is undefined.");
        }

        var ordered = found
            .OrderByDescending(n => n.Fit.Consistency)
            .ThenByDescending(n => n.Fit.RelevanceOfNecessity)
            .ThenBy(n => n.Expression, StringComparer.Ordinal)
            .ToList();
        return new NecessityResult(SetReference.Parse(outcome).ToString(), ordered, warnings);
    }

    private static NecessaryCondition? Evaluate(
        SetReference[] disjuncts, double[] x, double[] y, CaseTable cases, NecessityOptions options)
    {
        var sums = SetSums.Of(x, y);
        var fit = sums.Necessity();
        // Sums of many doubles drift in the last bits; a condition at exactly the cut-off passes.
        if (!(fit.Consistency >= options.ConsistencyCutoff - 1e-10) || fit.RelevanceOfNecessity < options.RelevanceCutoff - 1e-10)
        {
            return null;
        }

        var inOutcome = Enumerable.Range(0, y.Length).Where(c => y[c] > 0.5).ToList();
        return new NecessaryCondition(
            string.Join(" + ", disjuncts),
            disjuncts,
            fit,
            sums,
            inOutcome.Select(c => cases.CaseNames[c]).ToList(),
            inOutcome.Where(c => x[c] <= 0.5).Select(c => cases.CaseNames[c]).ToList());
    }
}
