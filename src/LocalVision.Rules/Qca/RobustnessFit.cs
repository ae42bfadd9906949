namespace LocalVision.Rules.Qca;

/// <summary>
/// Oana and Schneider's (2021) robustness fit parameters of an initial solution (IS) against test solutions (TS), each
/// a membership per case in the solution formula, on the same cases, as SetMethods' <c>rob.fit</c> (version 4.x) defines
/// them. TS_min is the case-wise minimum over the test solutions, TS_max the maximum; the robust core RC is the minimum
/// of IS and TS_min (SetMethods' <c>rob.corefit</c>). A ratio whose denominator is zero is NaN.
/// </summary>
/// <param name="RfCov">RF_cov = coverage(RC → Y) / coverage(IS → Y): how much of the initial solution's coverage the robust core keeps.</param>
/// <param name="RfCons">RF_cons = consistency(IS → Y) / consistency(RC → Y).</param>
/// <param name="RfScMinTs">RF_SC_minTS = Σmin(IS, TS_min) / Σmax(IS, TS_min): how far the initial solution and the smallest test solution coincide (SetMethods 3.x calls it RF_SC).</param>
/// <param name="RfScMaxTs">RF_SC_maxTS = Σmin(IS, TS_max) / Σmax(IS, TS_max): how far the initial solution and the largest test solution coincide.</param>
/// <param name="Core">Sufficiency of the robust core for the outcome.</param>
public sealed record RobustnessFit(double RfCov, double RfCons, double RfScMinTs, double RfScMaxTs, SufficiencyFit Core)
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
        return new RobustnessFit(
            Ratio(coreFit.Coverage, initialFit.Coverage),
            Ratio(initialFit.Consistency, coreFit.Consistency),
            Coincidence(initial, min),
            Coincidence(initial, max),
            coreFit);
    }

    /// <summary>Set coincidence of two memberships: Σmin / Σmax.</summary>
    private static double Coincidence(IReadOnlyList<double> a, double[] b)
    {
        double both = 0, either = 0;
        for (var c = 0; c < b.Length; c++)
        {
            both += Math.Min(a[c], b[c]);
            either += Math.Max(a[c], b[c]);
        }
        return Ratio(both, either);
    }

    private static double Ratio(double numerator, double denominator) =>
        denominator == 0.0 || double.IsNaN(denominator) ? double.NaN : numerator / denominator;
}
