using System.Globalization;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight;

/// <summary>Whether one condition's figures can tell anything, the caveats in words, and the figures in one sentence.</summary>
/// <param name="Judgeable">Enough cases, contrast in the condition and the outcome, and margins that let Fisher's p fall below 0.05.</param>
/// <param name="TooFewCases">Fewer cases than <see cref="ConditionJudgement.MinimumCases"/>.</param>
public sealed record ConditionVerdict(bool Judgeable, bool TooFewCases, IReadOnlyList<string> Caveats, string Summary);

/// <summary>
/// The checks a careful analyst makes before reading a single condition's consistency and coverage: how many cases
/// the figures rest on, whether the condition and the outcome vary among them (Schneider and Wagemann's skewed set
/// memberships), whether the 2×2 table could show an association at all, and whether a necessity figure is trivial.
/// </summary>
public static class ConditionJudgement
{
    /// <summary>The fewest cases a condition's figures are judged on; whether more can show an association is checked from the margins (<see cref="LowestAttainableP"/>).</summary>
    public const int MinimumCases = 5;

    /// <summary>A set with at least this share of cases in it (or out of it) is skewed: its figures rest on the few others.</summary>
    public const double SkewedShare = 0.8;

    /// <summary>The significance level the attainable-p check uses.</summary>
    private const double Alpha = 0.05;

    public static ConditionVerdict Judge(ConditionStatistics statistics)
    {
        var table = statistics.CrispTable;
        var (a, b, c, d) = (table.A, table.B, table.C, table.D);
        var n = a + b + c + d;
        var x = statistics.Condition;
        var y = statistics.Outcome;
        var caveats = new List<string>();
        var tooFew = n < MinimumCases;
        if (tooFew)
        {
            caveats.Add($"rests on {Cases(n)}; at least {MinimumCases} are needed to judge a condition");
        }
        var conditionContrast = Contrast(a + b, n, x, caveats);
        var outcomeContrast = Contrast(a + c, n, y, caveats);
        var attainable = conditionContrast && outcomeContrast && LowestAttainableP(a + b, a + c, n) < Alpha;
        if (conditionContrast && outcomeContrast && !attainable)
        {
            caveats.Add($"with {a + b} of {n} cases in {x} and {a + c} in {y}, no 2×2 table could reach Fisher's p < 0.05");
        }
        else if (attainable && statistics.FisherExactP >= Alpha)
        {
            caveats.Add(string.Create(CultureInfo.InvariantCulture, $"Fisher's p = {statistics.FisherExactP:0.00}: the 2×2 table is no evidence that {x} goes with {y}"));
        }
        var necessity = statistics.Necessity;
        if (necessity.Consistency >= 0.9 && necessity.RelevanceOfNecessity < 0.5)
        {
            caveats.Add(string.Create(CultureInfo.InvariantCulture,
                $"necessity consistency {necessity.Consistency:0.00} with relevance {necessity.RelevanceOfNecessity:0.00}: {x} is nearly always present, so it is trivially necessary"));
        }
        var judgeable = !tooFew && conditionContrast && outcomeContrast && attainable;
        return new ConditionVerdict(judgeable, tooFew, caveats, Summary(a, b, c, d, x, y, tooFew, conditionContrast, outcomeContrast, attainable));
    }

    /// <summary>The smallest two-sided Fisher p of any 2×2 table with these margins: when it is not below α, no data with these margins could show an association.</summary>
    public static double LowestAttainableP(int inCondition, int inOutcome, int n)
    {
        var lowest = 1.0;
        for (var a = Math.Max(0, inCondition + inOutcome - n); a <= Math.Min(inCondition, inOutcome); a++)
        {
            lowest = Math.Min(lowest, FisherExactTest.TwoSidedP(a, inCondition - a, inOutcome - a, n - inCondition - inOutcome + a));
        }
        return lowest;
    }

    /// <summary>A note when the set has no or little contrast among the cases; false when it has none.</summary>
    private static bool Contrast(int inSet, int n, string set, List<string> caveats)
    {
        if (n == 0)
        {
            return false;
        }
        if (inSet == n || inSet == 0)
        {
            caveats.Add($"no contrast: {(inSet == 0 ? "none" : n == 1 ? "the one case" : $"all {n}")} of the cases {(inSet == 0 ? "is" : n == 1 ? "is" : "are")} in {set}");
            return false;
        }
        if (Skewed(inSet, n))
        {
            caveats.Add($"skewed: {inSet} of {n} cases are in {set}, so its figures rest on the {Math.Min(inSet, n - inSet)} other{(Math.Min(inSet, n - inSet) == 1 ? "" : "s")}");
        }
        return true;
    }

    /// <summary>At least <see cref="SkewedShare"/> of the cases in the set, or out of it.</summary>
    public static bool Skewed(int inSet, int n) => n > 0 && (inSet >= SkewedShare * n || n - inSet >= SkewedShare * n);

    /// <summary>"present in 6 of 8 cases with MOMENTUM and in 1 of 3 without; never absent in one with it — …".</summary>
    private static string Summary(int a, int b, int c, int d, string x, string y, bool tooFew, bool conditionContrast, bool outcomeContrast, bool attainable)
    {
        var text = a + c == 0
            ? $"no case is in {y}; {x} is present in {b} of {b + d}"
            : $"present in {a} of {Cases(a + c)} with {y}" + (b + d > 0 ? $" and in {b} of {b + d} without" : $"; no case without {y} to compare")
              + (c == 0 ? "; never absent in one with it" : $"; absent in {c} with it");
        var why = tooFew ? "too few cases to judge"
            : !conditionContrast ? $"every case {(a + b == 0 ? "lacks" : "has")} it, so nothing can be compared"
            : !outcomeContrast ? $"every case is {(a + c == 0 ? "out of" : "in")} {y}, so nothing can be compared"
            : !attainable ? $"too few cases {(Math.Min(a + b, c + d) <= Math.Min(a + c, b + d) ? (a + b <= c + d ? "with" : "without") + " it" : (a + c <= b + d ? "in" : "out of") + " " + y)} to tell it from chance"
            : c + d < 2 ? "too few cases without it to say it is needed"
            : null;
        return why is null ? text : $"{text} — {why}";
    }

    private static string Cases(int n) => n == 1 ? "1 case" : $"{n} cases";
}
