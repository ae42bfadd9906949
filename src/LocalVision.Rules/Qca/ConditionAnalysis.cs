using LocalVision.Graph.Store;

namespace LocalVision.Rules.Qca;

/// <summary>
/// The crisp 2×2 table of a condition X against an outcome Y, with the cases in each cell. A case is in a
/// set when its membership is above 0.5; a membership of exactly 0.5 counts as out.
/// </summary>
/// <param name="InBoth">In X and in Y (cell a).</param>
/// <param name="ConditionOnly">In X, not in Y (cell b).</param>
/// <param name="OutcomeOnly">Not in X, in Y (cell c).</param>
/// <param name="Neither">In neither (cell d).</param>
public sealed record CrispCrossTable(
    IReadOnlyList<string> InBoth,
    IReadOnlyList<string> ConditionOnly,
    IReadOnlyList<string> OutcomeOnly,
    IReadOnlyList<string> Neither)
{
    public int A => InBoth.Count;

    public int B => ConditionOnly.Count;

    public int C => OutcomeOnly.Count;

    public int D => Neither.Count;

    public IReadOnlyList<string> CasesInCondition => [.. InBoth, .. ConditionOnly];

    public IReadOnlyList<string> CasesInOutcome => [.. InBoth, .. OutcomeOnly];
}

/// <summary>Everything measured about one condition (or its negation) against one outcome (or its negation).</summary>
/// <param name="Condition">The condition as asked, e.g. <c>~ALIGNED_BCF</c>.</param>
/// <param name="Outcome">The outcome as asked, e.g. <c>MOMENTUM</c>.</param>
/// <param name="Sums">The fuzzy sums behind both fits.</param>
/// <param name="FisherExactP">Two-sided p of Fisher's exact test on <paramref name="CrispTable"/>.</param>
/// <param name="OddsRatio">Haldane–Anscombe odds ratio of the crisp table with its 95% interval.</param>
/// <param name="Points">Each case's membership in the condition and the outcome, as asked (negations applied): the XY plot.</param>
public sealed record ConditionStatistics(
    string Condition,
    string Outcome,
    SufficiencyFit Sufficiency,
    NecessityFit Necessity,
    SetSums Sums,
    CrispCrossTable CrispTable,
    double FisherExactP,
    OddsRatio OddsRatio,
    IReadOnlyList<CasePoint> Points);

/// <summary>One case's membership in a condition (x) and an outcome (y).</summary>
public sealed record CasePoint(string Name, double Condition, double Outcome);

/// <summary>Per-condition set-theoretic and crisp statistics: "which conditions predict the outcome?".</summary>
public static class ConditionAnalysis
{
    /// <summary>Statistics of one condition against one outcome; either may be negated with <c>~</c>.</summary>
    /// <exception cref="GraphValidationException">A case has no membership in the condition or the outcome.</exception>
    public static ConditionStatistics Analyze(CaseTable cases, string condition, string outcome)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var x = cases.MembershipArray(SetReference.Parse(condition));
        var y = cases.MembershipArray(SetReference.Parse(outcome));
        var sums = SetSums.Of(x, y);

        List<string> both = [], conditionOnly = [], outcomeOnly = [], neither = [];
        for (var i = 0; i < cases.Count; i++)
        {
            var cell = (x[i] > 0.5, y[i] > 0.5) switch
            {
                (true, true) => both,
                (true, false) => conditionOnly,
                (false, true) => outcomeOnly,
                _ => neither,
            };
            cell.Add(cases.CaseNames[i]);
        }

        var table = new CrispCrossTable(both, conditionOnly, outcomeOnly, neither);
        return new ConditionStatistics(
            SetReference.Parse(condition).ToString(),
            SetReference.Parse(outcome).ToString(),
            sums.Sufficiency(),
            sums.Necessity(),
            sums,
            table,
            FisherExactTest.TwoSidedP(table.A, table.B, table.C, table.D),
            OddsRatio.HaldaneAnscombe(table.A, table.B, table.C, table.D),
            cases.CaseNames.Select((name, i) => new CasePoint(name, x[i], y[i])).ToList());
    }

    /// <summary>
    /// Statistics of each condition against the outcome, in the order given; with
    /// <paramref name="includeNegations"/> each condition is followed by its negation.
    /// </summary>
    public static IReadOnlyList<ConditionStatistics> AnalyzeAll(
        CaseTable cases, IEnumerable<string> conditions, string outcome, bool includeNegations = true)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var result = new List<ConditionStatistics>();
        foreach (var condition in conditions.Select(SetReference.Parse))
        {
            result.Add(Analyze(cases, condition.ToString(), outcome));
            if (includeNegations)
            {
                result.Add(Analyze(cases, condition.Negate().ToString(), outcome));
            }
        }

        return result;
    }
}
