namespace LocalVision.Rules.Qca;

/// <summary>Fisher's exact test for a 2×2 table of counts.</summary>
public static class FisherExactTest
{
    // R's fisher.test counts tables "as likely as" the observed one with this relative tolerance,
    // so that tables equal up to rounding are not dropped.
    private const double RelativeTolerance = 1e-7;

    /// <summary>
    /// The two-sided p-value for the table [[a, b], [c, d]]: the sum of the hypergeometric probabilities
    /// (all margins fixed) of every table no more probable than the observed one.
    /// </summary>
    public static double TwoSidedP(int a, int b, int c, int d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Counts cannot be negative.");
        }

        var row1 = a + b;
        var row2 = c + d;
        var col1 = a + c;
        var n = row1 + row2;
        if (n == 0)
        {
            return 1.0;
        }

        var logFactorials = new double[n + 1];
        for (var i = 2; i <= n; i++)
        {
            logFactorials[i] = logFactorials[i - 1] + Math.Log(i);
        }

        double LogProbability(int x) =>
            logFactorials[row1] - logFactorials[x] - logFactorials[row1 - x]
            + logFactorials[row2] - logFactorials[col1 - x] - logFactorials[row2 - col1 + x]
            - (logFactorials[n] - logFactorials[col1] - logFactorials[n - col1]);

        var observed = LogProbability(a);
        var threshold = observed + Math.Log(1.0 + RelativeTolerance);
        var low = Math.Max(0, col1 - row2);
        var high = Math.Min(row1, col1);
        var p = 0.0;
        for (var x = low; x <= high; x++)
        {
            var logP = LogProbability(x);
            if (logP <= threshold)
            {
                p += Math.Exp(logP);
            }
        }

        return Math.Min(1.0, p);
    }
}

/// <summary>An odds ratio with a 95% confidence interval from the normal approximation on the log scale.</summary>
/// <param name="Estimate">(a·d) / (b·c) after the correction.</param>
/// <param name="Lower">exp(log OR − 1.96·SE).</param>
/// <param name="Upper">exp(log OR + 1.96·SE).</param>
/// <param name="StandardErrorOfLog">SE = √(1/a + 1/b + 1/c + 1/d) after the correction.</param>
public sealed record OddsRatio(double Estimate, double Lower, double Upper, double StandardErrorOfLog)
{
    private const double Z95 = 1.96;

    /// <summary>
    /// The Haldane–Anscombe estimate: 0.5 is added to every cell of [[a, b], [c, d]], which keeps the
    /// ratio finite when a cell is empty and reduces its small-sample bias.
    /// </summary>
    public static OddsRatio HaldaneAnscombe(int a, int b, int c, int d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Counts cannot be negative.");
        }

        double ca = a + 0.5, cb = b + 0.5, cc = c + 0.5, cd = d + 0.5;
        var logOr = Math.Log(ca) + Math.Log(cd) - Math.Log(cb) - Math.Log(cc);
        var se = Math.Sqrt((1 / ca) + (1 / cb) + (1 / cc) + (1 / cd));
        return new OddsRatio(Math.Exp(logOr), Math.Exp(logOr - (Z95 * se)), Math.Exp(logOr + (Z95 * se)), se);
    }
}
