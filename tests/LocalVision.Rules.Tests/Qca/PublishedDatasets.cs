using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>Published QCA datasets used to check the engine against known results.</summary>
internal static class PublishedDatasets
{
    public static readonly string[] LipsetConditions = ["DEV", "URB", "LIT", "IND", "STB"];

    /// <summary>
    /// Lipset's survival of democracy in inter-war Europe, crisp sets (Rihoux and De Meur 2009; R QCA's
    /// <c>LC</c>), exactly as in /work/shared/qca/lipset-crisp.md.
    /// </summary>
    public static CaseTable LipsetCrisp() => Table(
        ["DEV", "URB", "LIT", "IND", "STB", "SURV"],
        ("AU", [1, 0, 1, 1, 0, 0]),
        ("BE", [1, 1, 1, 1, 1, 1]),
        ("CZ", [1, 1, 1, 1, 1, 1]),
        ("EE", [0, 0, 1, 0, 1, 0]),
        ("FI", [1, 0, 1, 0, 1, 1]),
        ("FR", [1, 0, 1, 1, 1, 1]),
        ("DE", [1, 1, 1, 1, 0, 0]),
        ("GR", [0, 0, 0, 0, 0, 0]),
        ("HU", [0, 0, 1, 0, 0, 0]),
        ("IE", [1, 0, 1, 0, 1, 1]),
        ("IT", [0, 0, 0, 0, 1, 0]),
        ("NL", [1, 1, 1, 1, 1, 1]),
        ("PL", [0, 0, 1, 0, 0, 0]),
        ("PT", [0, 0, 0, 0, 0, 0]),
        ("RO", [0, 0, 0, 0, 1, 0]),
        ("ES", [0, 0, 0, 0, 0, 0]),
        ("SE", [1, 0, 1, 1, 1, 1]),
        ("UK", [1, 1, 1, 1, 1, 1]));

    /// <summary>
    /// The fuzzy-set version (Ragin 2009, p. 95; R QCA's <c>LF</c>), as printed in the examples of the R
    /// package QCApro (superSubset: D, U, L, I, G = STB, S = SURV); the first six cases agree with
    /// <c>head(LF)</c> as printed in published QCA tutorials.
    /// </summary>
    public static CaseTable LipsetFuzzy() => Table(
        ["DEV", "URB", "LIT", "IND", "STB", "SURV"],
        ("AU", [0.81, 0.12, 0.99, 0.73, 0.43, 0.05]),
        ("BE", [0.99, 0.89, 0.98, 1.00, 0.98, 0.95]),
        ("CZ", [0.58, 0.98, 0.98, 0.90, 0.91, 0.89]),
        ("EE", [0.16, 0.07, 0.98, 0.01, 0.91, 0.12]),
        ("FI", [0.58, 0.03, 0.99, 0.08, 0.58, 0.77]),
        ("FR", [0.98, 0.03, 0.99, 0.81, 0.95, 0.95]),
        ("DE", [0.89, 0.79, 0.99, 0.96, 0.31, 0.05]),
        ("GR", [0.04, 0.09, 0.13, 0.36, 0.43, 0.06]),
        ("HU", [0.07, 0.16, 0.88, 0.07, 0.13, 0.42]),
        ("IE", [0.72, 0.05, 0.98, 0.01, 0.95, 0.92]),
        ("IT", [0.34, 0.10, 0.41, 0.47, 0.58, 0.05]),
        ("NL", [0.98, 1.00, 0.99, 0.94, 0.99, 0.95]),
        ("PL", [0.02, 0.17, 0.59, 0.00, 0.00, 0.12]),
        ("PT", [0.01, 0.02, 0.01, 0.11, 0.01, 0.05]),
        ("RO", [0.01, 0.03, 0.17, 0.00, 0.84, 0.21]),
        ("ES", [0.03, 0.30, 0.09, 0.21, 0.20, 0.06]),
        ("SE", [0.95, 0.13, 0.99, 0.67, 0.91, 0.95]),
        ("UK", [0.98, 0.99, 0.99, 1.00, 0.98, 0.95]));

    /// <summary>
    /// Lipset's raw data dichotomised on four conditions only (DEV at 600 USD, no STB), the "initial
    /// analysis" of Rihoux and De Meur (2009), as R's QCA prints its truth table: rows 0010, 1011 and
    /// 1111 are contradictory (incl 0.250, 0.667, 0.750).
    /// </summary>
    public static CaseTable LipsetFourConditions() => Table(
        ["DEV", "URB", "LIT", "IND", "SURV"],
        ("AU", [1, 0, 1, 1, 0]),
        ("BE", [1, 1, 1, 1, 1]),
        ("CZ", [0, 1, 1, 1, 1]),
        ("EE", [0, 0, 1, 0, 0]),
        ("FI", [0, 0, 1, 0, 1]),
        ("FR", [1, 0, 1, 1, 1]),
        ("DE", [1, 1, 1, 1, 0]),
        ("GR", [0, 0, 0, 0, 0]),
        ("HU", [0, 0, 1, 0, 0]),
        ("IE", [1, 0, 1, 0, 1]),
        ("IT", [0, 0, 0, 0, 0]),
        ("NL", [1, 1, 1, 1, 1]),
        ("PL", [0, 0, 1, 0, 0]),
        ("PT", [0, 0, 0, 0, 0]),
        ("RO", [0, 0, 0, 0, 0]),
        ("ES", [0, 0, 0, 0, 0]),
        ("SE", [1, 0, 1, 1, 1]),
        ("UK", [1, 1, 1, 1, 1]));

    public static CaseTable Table(string[] sets, params (string Name, double[] Values)[] rows) =>
        new(rows.Select(r => new Case(
            r.Name,
            sets.Select((s, i) => (s, r.Values[i])).ToDictionary(p => p.s, p => p.Item2))));
}
