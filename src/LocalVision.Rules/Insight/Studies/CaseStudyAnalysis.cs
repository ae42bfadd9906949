using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight.Studies;

/// <summary>The set relation the cases are chosen for: X sufficient for Y, or X necessary for Y.</summary>
public enum SetRelation
{
    Sufficiency,
    Necessity,
}

/// <summary>What a case's value for a code rests on: the observations cited and their evidence, a few of each.</summary>
public sealed record CaseEvidence(string Code, IReadOnlyList<string> Observations, IReadOnlyList<string> Evidence);

/// <summary>A case to study, as <see cref="CaseStudies"/> ranked it, with its display name and what its values rest on.</summary>
public sealed record CaseToStudy(StudyCase Case, string DisplayName, IReadOnlyList<CaseEvidence> Evidence);

/// <summary>The cases of one kind, best first, at most the limit asked for; <paramref name="Total"/> counts them all.</summary>
/// <param name="Purpose">What studying a case of this kind is for, in words.</param>
public sealed record CaseKindGroup(CaseKind Kind, int Total, string Purpose, IReadOnlyList<CaseToStudy> Cases);

/// <summary>The cases to study for a claim that <paramref name="Expression"/> is sufficient (or necessary) for the outcome.</summary>
/// <param name="Expression">What the cases were sorted against: the term named, or the first model as a whole.</param>
/// <param name="Groups">One per kind the relation knows, in the order to study them (typical first, then the deviant ones).</param>
/// <param name="CaseCount">The cases sorted (each in exactly one group).</param>
/// <param name="CasesOutOfOutcome">Necessity only: cases out of the outcome and not in the expression (below 0.5 in both, or at 0.5 in the
/// expression), which a necessity claim says nothing about; those out of the outcome but in the expression are deviant relevance cases.</param>
/// <param name="Excluded">Cases left out: no value for a set (as the minimisation), or membership 0.5 in the expression or the outcome.</param>
public sealed record CaseStudyReport(
    string Expression, string Outcome, SetRelation Relation, IReadOnlyList<CaseKindGroup> Groups, int CaseCount, int CasesOutOfOutcome,
    IReadOnlyList<ExcludedCase> Excluded, IReadOnlyList<string> Warnings);

/// <summary>
/// "Which case should I study next?": the minimisation a MinimizeTruthTable request asks for, then the cases sorted
/// into typical and deviant ones (Schneider and Rohlfing, <see cref="CaseStudies"/>) against one of its terms, one
/// condition (necessity) or the first model as a whole, each with the observations and evidence behind its values.
/// </summary>
public sealed class CaseStudyAnalysis(InsightCases cases, EvaluationEngine engine)
{
    /// <summary>The request field a term is named by in validation errors.</summary>
    public const string TermField = "term";

    private const int EvidencePerCode = 5;

    private static readonly CaseKind[] SufficiencyOrder =
        [CaseKind.Typical, CaseKind.DeviantConsistency, CaseKind.DeviantDegree, CaseKind.DeviantCoverage, CaseKind.IndividuallyIrrelevant];

    private static readonly CaseKind[] NecessityOrder = [CaseKind.Typical, CaseKind.DeviantConsistency, CaseKind.DeviantDegree, CaseKind.DeviantRelevance];

    /// <param name="term">A term of a model (or, for necessity, a condition or its negation); null or empty for the first model.</param>
    /// <exception cref="GraphValidationException">The term is not one of the solution (with the closest named), or the cases are wrong as for MinimizeTruthTable.</exception>
    /// <exception cref="MinimizationRefusedException">The minimisation is refused, or it has no model and no condition is named.</exception>
    public async Task<CaseStudyReport> FindAsync(
        CaseSource source, string outcome, IReadOnlyList<string> conditions, TruthTableOptions options, MinimizationOptions minimization,
        SetRelation relation, string? term, int perKindLimit, CancellationToken cancellationToken)
    {
        var selection = await cases.SelectAsync(source with { Unknowns = InsightAnalysis.PointReading(source.Unknowns) }, outcome, conditions, cancellationToken);
        var table = TruthTable.Build(selection.Cases, outcome, conditions, options);
        var result = BooleanMinimization.Minimize(table, minimization, cancellationToken);
        var warnings = selection.Warnings.Concat(table.Warnings).Concat(result.Warnings).ToList();
        var (expression, literals) = Against(result, conditions, relation, term, warnings);

        var data = selection.Cases;
        var x = Membership(data, literals);
        var y = data.MembershipArray(SetReference.Parse(outcome));
        var sorted = relation == SetRelation.Sufficiency ? CaseStudies.Sufficiency(data.CaseNames, x, y) : CaseStudies.Necessity(data.CaseNames, x, y);

        var excluded = new List<ExcludedCase>(selection.Excluded);
        for (var i = 0; i < data.Count; i++)
        {
            var sets = new[] { (x[i], expression), (y[i], table.Outcome) }.Where(p => p.Item1 == 0.5).Select(p => p.Item2).ToList();
            // Necessity: a case out of the outcome is of a kind (deviant relevance) or counted as out of it, whatever its membership in the condition.
            if (sets.Count > 0 && !(relation == SetRelation.Necessity && y[i] < 0.5))
            {
                excluded.Add(new ExcludedCase(data.CaseNames[i], ExclusionReason.AtCrossover, sets,
                    $"membership 0.5 in {string.Join(" and ", sets)}: on neither side of the crossover, so of no kind"));
            }
        }
        var outOfOutcome = relation == SetRelation.Necessity ? Enumerable.Range(0, data.Count).Count(i => y[i] < 0.5 && x[i] <= 0.5) : 0;
        var belowFrequency = table.Rows.Where(r => r.Outcome == OutcomeValue.Remainder).Sum(r => r.N);
        if (belowFrequency > 0)
        {
            warnings.Add($"{belowFrequency} case{(belowFrequency == 1 ? " is" : "s are")} in truth table rows under the frequency cut-off: "
                + "the minimisation did not use them, but they are sorted against the expression all the same");
        }

        var details = await DetailsAsync(source, [.. literals.SelectMany(t => t).Select(l => l.Name), SetReference.Parse(outcome).Name], cancellationToken);
        var groups = (relation == SetRelation.Sufficiency ? SufficiencyOrder : NecessityOrder).Select(kind =>
        {
            var ofKind = sorted.Where(c => c.Kind == kind).ToList();
            var shown = ofKind.Take(perKindLimit).Select(c => details.TryGetValue(c.Name, out var d)
                ? new CaseToStudy(c, d.DisplayName, d.Evidence)
                : new CaseToStudy(c, c.Name, [])).ToList();
            return new CaseKindGroup(kind, ofKind.Count, Purpose(kind, relation), shown);
        }).ToList();
        return new CaseStudyReport(expression, table.Outcome, relation, groups, sorted.Count, outOfOutcome, excluded, [.. warnings.Distinct()]);
    }

    /// <summary>The expression the cases are sorted against and its literals, each term of a model an intersection, a model their union.</summary>
    private static (string Expression, IReadOnlyList<SetReference[]> Literals) Against(
        MinimizationResult result, IReadOnlyList<string> conditions, SetRelation relation, string? term, List<string> warnings)
    {
        var terms = result.Models.SelectMany(m => m.Terms).DistinctBy(t => t.Expression).ToList();
        if (string.IsNullOrWhiteSpace(term))
        {
            var first = result.Models.FirstOrDefault()
                ?? throw new MinimizationRefusedException("NO_SOLUTION",
                    $"the minimisation has no solution (no row of the truth table is positive for {result.Outcome}), so there is no term to sort the cases against"
                    + (relation == SetRelation.Necessity ? "; name a condition as the term to sort them against it" : ""));
            if (result.Models.Count > 1)
            {
                warnings.Add($"the solution has {result.Models.Count} models; the cases are sorted against {first.Name} ({first.Expression}); name a term to sort them against it");
            }
            return (first.Expression, [.. first.Terms.Select(t => t.Literals.ToArray())]);
        }
        var asked = Normalised(term);
        if (terms.FirstOrDefault(t => Normalised(t.Expression) == asked) is { } found)
        {
            return (found.Expression, [found.Literals.ToArray()]);
        }
        var named = conditions.Select(SetReference.Parse).SelectMany(c => new[] { c, c.Negate() }).Select(c => c.ToString()).ToList();
        if (relation == SetRelation.Necessity && named.Contains(asked, StringComparer.Ordinal))
        {
            return (asked, [[SetReference.Parse(asked)]]);
        }
        var known = relation == SetRelation.Necessity ? [.. terms.Select(t => t.Expression), .. named] : terms.Select(t => t.Expression).ToList();
        var what = relation == SetRelation.Necessity ? "a term of the solution nor a condition (or its negation)" : "a term of the solution";
        var listed = terms.Count == 0 ? "the solution has no term" : "its terms: " + string.Join(", ", terms.Select(t => t.Expression));
        throw GraphValidationException.Single(TermField, $"`{term}` is not {what}; {listed}{Suggestion.DidYouMean(asked, known)}");
    }

    private static string Normalised(string expression) => string.Concat(expression.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Each case's membership: the largest over the terms of the smallest over each term's literals.</summary>
    private static double[] Membership(CaseTable data, IReadOnlyList<SetReference[]> terms)
    {
        var x = new double[data.Count];
        foreach (var literals in terms)
        {
            var sets = literals.Select(data.MembershipArray).ToList();
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = Math.Max(x[i], sets.Count == 0 ? 1.0 : sets.Min(s => s[i]));
            }
        }
        return x;
    }

    /// <summary>Over the graph: each initiative's display name and, per code asked, the observations and evidence its value rests on.</summary>
    private async Task<Dictionary<string, (string DisplayName, IReadOnlyList<CaseEvidence> Evidence)>> DetailsAsync(
        CaseSource source, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, (string, IReadOnlyList<CaseEvidence>)>(StringComparer.Ordinal);
        if (source.IsTable)
        {
            return details;
        }
        var evaluations = await engine.EvaluateAllAsync(NodeFilter.Parse(EvaluationEngine.DefaultFilter), source.AsOf, cancellationToken);
        foreach (var evaluation in evaluations)
        {
            var byCode = evaluation.ConditionsByCode;
            var evidence = codes.Distinct(StringComparer.Ordinal)
                .Where(byCode.ContainsKey)
                .Select(code => new CaseEvidence(code,
                    [.. byCode[code].Observations.Take(EvidencePerCode)], [.. byCode[code].Evidence.Distinct(StringComparer.Ordinal).Take(EvidencePerCode)]))
                .Where(e => e.Observations.Count + e.Evidence.Count > 0)
                .ToList();
            details[evaluation.Initiative] = (evaluation.DisplayName.Length > 0 ? evaluation.DisplayName : evaluation.Initiative, evidence);
        }
        return details;
    }

    private static string Purpose(CaseKind kind, SetRelation relation) => (kind, relation) switch
    {
        (CaseKind.Typical, SetRelation.Sufficiency) => "in the expression and the outcome as the claim says: trace how the conditions bring the outcome about here, closest to the diagonal first",
        (CaseKind.Typical, _) => "in the outcome and the condition as the claim says: trace why the outcome needs the condition here",
        (CaseKind.DeviantConsistency, SetRelation.Sufficiency) => "in the expression but not the outcome: look for what stopped the outcome (a missing condition), the most contradicting first",
        (CaseKind.DeviantConsistency, _) => "in the outcome without the condition: look for another way to the outcome, the most contradicting first",
        (CaseKind.DeviantDegree, _) => "in both, but on the wrong side of the diagonal: check the calibration before the theory",
        (CaseKind.DeviantCoverage, _) => "in the outcome, not in the expression: another path to the outcome this term does not explain, the most outcome first",
        (CaseKind.DeviantRelevance, _) => "in the condition but not the outcome: ask whether the condition is needed or merely everywhere (trivial), the deepest in the condition and furthest from the outcome first",
        _ => "in neither: of little use for this claim; study only to check the outcome's absence",
    };
}
