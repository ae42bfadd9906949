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
}

/// <summary>One case with its memberships, its kind and the criterion it was ranked by (lower rank = study first).</summary>
public sealed record StudyCase(string Name, double X, double Y, CaseKind Kind, int Rank, double Criterion);

/// <summary>Sorts cases into typical and deviant cases for a sufficiency or necessity claim of X for Y.</summary>
public static class CaseStudies
{
    /// <summary>
    /// Cases for "X is sufficient for Y". Membership means &gt; 0.5; a case at exactly 0.5 in X or Y is left out.
    /// Ranking criterion per kind: typical by |y − x| (closest to the diagonal first), deviant consistency by
    /// x − y (most contradicting first), deviant coverage by y (most outcome first), irrelevant by x.
    /// </summary>
    public static IReadOnlyList<StudyCase> Sufficiency(IReadOnlyList<string> names, IReadOnlyList<double> x, IReadOnlyList<double> y)
        => Classify(names, x, y, (xi, yi) =>
            (xi > 0.5, yi > 0.5) switch
            {
                (true, true) => yi >= xi ? (CaseKind.Typical, Math.Abs(yi - xi)) : (CaseKind.DeviantDegree, xi - yi),
                (true, false) => (CaseKind.DeviantConsistency, -(xi - yi)),
                (false, true) => (CaseKind.DeviantCoverage, -yi),
                _ => (CaseKind.IndividuallyIrrelevant, xi),
            });

    /// <summary>
    /// Cases for "X is necessary for Y": only cases in Y count. Typical: in X too with x ≥ y, ranked by |x − y|;
    /// deviant consistency: not in X, ranked by y − x (most contradicting first).
    /// </summary>
    public static IReadOnlyList<StudyCase> Necessity(IReadOnlyList<string> names, IReadOnlyList<double> x, IReadOnlyList<double> y)
        => Classify(names, x, y, (xi, yi) =>
            (xi > 0.5, yi > 0.5) switch
            {
                (true, true) => xi >= yi ? (CaseKind.Typical, Math.Abs(xi - yi)) : (CaseKind.DeviantDegree, yi - xi),
                (false, true) => (CaseKind.DeviantConsistency, -(yi - xi)),
                _ => ((CaseKind?)null, 0.0),
            });

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
                .Select((c, i) => new StudyCase(c.Name, c.X, c.Y, c.Kind, i + 1, Math.Abs(c.Key))))
            .ToList();
    }
}
