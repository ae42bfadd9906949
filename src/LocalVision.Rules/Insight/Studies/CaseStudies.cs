namespace LocalVision.Rules.Insight.Studies;

/// <summary>The kind of case a set relation makes of a case (Schneider and Rohlfing; SetMethods' cases.suf.* / cases.nec.*).</summary>
public enum CaseKind
{
    /// <summary>Member of X and of Y, and consistent with the relation (sufficiency: y ≥ x; necessity: x ≥ y).</summary>
    Typical,

    /// <summary>Member of X and of Y but on the wrong side of the diagonal (deviant in degree).</summary>
    DeviantDegree,

    /// <summary>Sufficiency: member of X, not of Y. Necessity: member of Y, not of X.</summary>
    DeviantConsistency,

    /// <summary>Sufficiency only: member of Y, not of X (Y unexplained by this term).</summary>
    DeviantCoverage,

    /// <summary>Sufficiency only: member of neither X nor Y.</summary>
    IndividuallyIrrelevant,

    /// <summary>Necessity only: member of X, not of Y — a case that speaks against X being a relevant (non-trivial) necessary condition.</summary>
    DeviantRelevance,
}

/// <summary>One case with its memberships, its kind and the score it was ranked by (lowest score, rank 1 = study first).</summary>
public sealed record StudyCase(string Name, double X, double Y, CaseKind Kind, int Rank, double Criterion);

/// <summary>Sorts cases into typical and deviant cases for a sufficiency or necessity claim of X for Y.</summary>
public static class CaseStudies
{
    /// <summary>
    /// Cases for "X is sufficient for Y". Membership means &gt; 0.5; a case at exactly 0.5 in X or Y is left out.
    /// Each kind is ranked by a score, lowest first. Typical and deviant consistency cases use SetMethods 4.x's scores
    /// (<c>cases.suf.typ</c>: 2(y − x) + (1 − x); <c>cases.suf.dcn</c>: 1 − (x − y) + (1 − x)), so the most typical case
    /// is deep in X and close above the diagonal, the most deviant one deep in X and far out of Y. SetMethods orders
    /// deviant coverage and irrelevant cases by their truth-table row, which a term's memberships do not carry: here
    /// deviant coverage cases are ranked by 1 − y (most outcome first) and irrelevant ones by x.
    /// </summary>
    public static IReadOnlyList<StudyCase> Sufficiency(IReadOnlyList<string> names, IReadOnlyList<double> x, IReadOnlyList<double> y)
        => Classify(names, x, y, (xi, yi) =>
            (xi > 0.5, yi > 0.5) switch
            {
                (true, true) => yi >= xi ? (CaseKind.Typical, 2 * (yi - xi) + (1 - xi)) : (CaseKind.DeviantDegree, xi - yi),
                (true, false) => (CaseKind.DeviantConsistency, DeepInXFarOutOfY(xi, yi)),
                (false, true) => (CaseKind.DeviantCoverage, 1 - yi),
                _ => (CaseKind.IndividuallyIrrelevant, xi),
            });

    /// <summary>
    /// Cases for "X is necessary for Y": the cases in Y, and those in X but not Y. Typical: in X and Y with x ≥ y, ranked
    /// by SetMethods 4.x's <c>cases.nec.typ</c> score 2|x − y| + (1 − x); deviant consistency: in Y, not in X, ranked by
    /// <c>cases.nec.dcn</c>'s 1 − (y − x) (most contradicting first); deviant relevance: in X, not in Y, ranked by
    /// <c>cases.nec.drel</c>'s 1 − (x − y) + (1 − x), so the case deep in X and far out of Y comes first. A case in
    /// neither is of no kind: it agrees with the claim and says nothing about it. Lowest score first.
    /// </summary>
    public static IReadOnlyList<StudyCase> Necessity(IReadOnlyList<string> names, IReadOnlyList<double> x, IReadOnlyList<double> y)
        => Classify(names, x, y, (xi, yi) =>
            (xi > 0.5, yi > 0.5) switch
            {
                (true, true) => xi >= yi ? (CaseKind.Typical, 2 * Math.Abs(xi - yi) + (1 - xi)) : (CaseKind.DeviantDegree, yi - xi),
                (false, true) => (CaseKind.DeviantConsistency, 1 - (yi - xi)),
                (true, false) => (CaseKind.DeviantRelevance, DeepInXFarOutOfY(xi, yi)),
                _ => ((CaseKind?)null, 0.0),
            });

    /// <summary>
    /// A case in X and out of Y, scored low the deeper it is in X and the further out of Y: SetMethods gives the same
    /// score to sufficiency's deviant consistency cases and necessity's deviant relevance cases, both in X without Y.
    /// </summary>
    private static double DeepInXFarOutOfY(double x, double y) => 1 - (x - y) + (1 - x);

    private static IReadOnlyList<StudyCase> Classify(
        IReadOnlyList<string> names,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        Func<double, double, (CaseKind? Kind, double Key)> kindOf)
    {
        if (names.Count != x.Count || x.Count != y.Count)
        {
            throw new ArgumentException("names, x and y must have the same length");
        }

        var picked = new List<(string Name, double X, double Y, CaseKind Kind, double Key)>();
        for (var i = 0; i < names.Count; i++)
        {
            if (x[i] == 0.5 || y[i] == 0.5)
            {
                continue;
            }

            var (kind, key) = kindOf(x[i], y[i]);
            if (kind is { } k)
            {
                picked.Add((names[i], x[i], y[i], k, key));
            }
        }

        return picked
            .GroupBy(c => c.Kind)
            .OrderBy(g => g.Key)
            .SelectMany(g => g
                .OrderBy(c => c.Key)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select((c, i) => new StudyCase(c.Name, c.X, c.Y, c.Kind, i + 1, c.Key)))
            .ToList();
    }
}
