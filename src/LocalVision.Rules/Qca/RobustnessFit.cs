namespace LocalVision.Rules.Qca;

/// <summary>
/// Oana and Schneider's (2021) robustness fit parameters of an initial solution (IS) against test solutions (TS), each
/// a membership per case in the solution formula, on the same cases. TS_min is the case-wise minimum over the test
/// solutions, TS_max the maximum; the robust core RC is the minimum of IS and TS_min (SetMethods' <c>rob.corefit</c>).
/// A ratio whose denominator is zero is NaN.
/// </summary>
/// <param name="RfCov">RF_cov = coverage(RC → Y) / coverage(IS → Y): how much of the initial solution's coverage the robust core keeps.</param>
/// <param name="RfCons">RF_cons = consistency(IS → Y) / consistency(RC → Y).</param>
/// <param name="RfSc">RF_SC = Σmin(IS, TS_min) / Σmax(IS, TS_max): how far the initial solution and the test solutions coincide.</param>
/// <param name="Core">Sufficiency of the robust core for the outcome.</param>
public sealed record RobustnessFit(double RfCov, double RfCons, double RfSc, SufficiencyFit Core)
{
    /// <exception cref="ArgumentException">The vectors differ in length (a bug of the caller, not the user's input).</exception>
    public static RobustnessFit Of(IReadOnlyList<double> initial, IReadOnlyList<IReadOnlyList<double>> tests, IReadOnlyList<double> outcome)
    {
        var n = initial.Count;
        if (outcome.Count != n || tests.Any(t => t.Count != n))
        {
            throw new ArgumentException("every solution and the outcome need one membership per case");
        }

        var min = new double[n];
        var max = new double[n];
        var core = new double[n];
        for (var c = 0; c < n; c++)
        {
            min[c] = tests.Count == 0 ? initial[c] : tests.Min(t => t[c]);
            max[c] = tests.Count == 0 ? initial[c] : tests.Max(t => t[c]);
            core[c] = Math.Min(initial[c], min[c]);
        }

        var y = outcome.ToArray();
        var initialFit = SetSums.Of([.. initial], y).Sufficiency();
        var coreFit = SetSums.Of(core, y).Sufficiency();
        double both = 0, either = 0;
        for (var c = 0; c < n; c++)
        {
            both += Math.Min(initial[c], min[c]);
            either += Math.Max(initial[c], max[c]);
        }

        return new RobustnessFit(
            Ratio(coreFit.Coverage, initialFit.Coverage),
            Ratio(initialFit.Consistency, coreFit.Consistency),
            Ratio(both, either),
            coreFit);
    }

    private static double Ratio(double numerator, double denominator) =>
        denominator == 0.0 || double.IsNaN(denominator) ? double.NaN : numerator / denominator;
}
