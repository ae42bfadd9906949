using LocalVision.Graph.Store;

namespace LocalVision.Rules.Qca;

/// <summary>
/// The three qualitative anchors of the direct method. Increasing anchors (non-membership below
/// crossover below full membership) make a set of high values; decreasing anchors a set of low values.
/// </summary>
/// <param name="FullNonMembership">Raw value taken as fully out of the set (membership ≈ 0.05).</param>
/// <param name="Crossover">Raw value of maximum ambiguity (membership 0.5).</param>
/// <param name="FullMembership">Raw value taken as fully in the set (membership ≈ 0.95).</param>
public sealed record CalibrationAnchors(double FullNonMembership, double Crossover, double FullMembership)
{
    public bool IsIncreasing => FullNonMembership < Crossover;
}

/// <summary>
/// Ragin's direct method of calibration: a raw indicator (for instance an area statistic) becomes a
/// fuzzy membership so that it can serve as a condition.
/// </summary>
/// <remarks>
/// The deviation from the crossover is scaled, separately on each side of the crossover, to the log-odds of the
/// inclusion anchor's membership at full membership and its negative at full non-membership, and mapped through the
/// logistic function. fsQCA fixes those log-odds at ±3, so the anchors receive 0.0474, 0.5 and 0.9526
/// (<see cref="FsQcaInclusionMembership"/>, the default here); R's QCA <c>calibrate</c> takes the membership itself
/// (<c>idm</c>, default 0.95, <see cref="RInclusionMembership"/>) and uses log(idm / (1 − idm)).
/// </remarks>
public static class Calibration
{
    /// <summary>The log-odds fsQCA assigns to full membership; full non-membership gets its negative.</summary>
    public const double AnchorLogOdds = 3.0;

    /// <summary>fsQCA's membership at the inclusion anchor: the logistic of log-odds 3, 0.9525741268….</summary>
    public static readonly double FsQcaInclusionMembership = 1.0 / (1.0 + Math.Exp(-AnchorLogOdds));

    /// <summary>R's QCA <c>calibrate()</c> default membership at the inclusion anchor (its <c>idm</c> argument).</summary>
    public const double RInclusionMembership = 0.95;

    /// <summary>The membership of one raw value; fsQCA's log-odds ±3 at the anchors.</summary>
    /// <exception cref="GraphValidationException">The anchors are not strictly monotone, or a value is not a number.</exception>
    public static double Direct(double value, CalibrationAnchors anchors) => Direct(value, anchors, FsQcaInclusionMembership);

    /// <summary>The membership of one raw value, the inclusion anchor receiving <paramref name="inclusionMembership"/>.</summary>
    /// <exception cref="GraphValidationException">
    /// The anchors are not strictly monotone, a value is not a number, or the inclusion membership is not above 0.5 and below 1.
    /// </exception>
    public static double Direct(double value, CalibrationAnchors anchors, double inclusionMembership)
    {
        Validate(anchors);
        ValidateInclusion(inclusionMembership);
        if (double.IsNaN(value))
        {
            throw GraphValidationException.Single("value", "is not a number, so it cannot be calibrated");
        }

        var anchorLogOdds = Math.Log(inclusionMembership / (1.0 - inclusionMembership));
        var deviation = value - anchors.Crossover;
        var towardsMembership = anchors.IsIncreasing ? deviation >= 0 : deviation <= 0;
        var logOdds = towardsMembership
            ? anchorLogOdds * deviation / (anchors.FullMembership - anchors.Crossover)
            : anchorLogOdds * deviation / (anchors.Crossover - anchors.FullNonMembership);
        return 1.0 / (1.0 + Math.Exp(-logOdds));
    }

    /// <summary>The memberships of several raw values, in order; fsQCA's log-odds ±3 at the anchors.</summary>
    public static IReadOnlyList<double> Direct(IEnumerable<double> values, CalibrationAnchors anchors) => Direct(values, anchors, FsQcaInclusionMembership);

    /// <summary>The memberships of several raw values, in order.</summary>
    public static IReadOnlyList<double> Direct(IEnumerable<double> values, CalibrationAnchors anchors, double inclusionMembership)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Select(v => Direct(v, anchors, inclusionMembership)).ToList();
    }

    /// <summary>
    /// Ragin's indirect method: the thresholds cut the values into ordered groups, the groups receive memberships
    /// evenly spaced from 0 to 1 (two thresholds: 0, 0.5, 1), and a logistic regression of those memberships on the
    /// raw values (fractional logit, fitted by iteratively reweighted least squares) gives each value its membership.
    /// Thresholds in increasing order make a set of high values, in decreasing order one of low values.
    /// </summary>
    /// <exception cref="GraphValidationException">Fewer than two values, a value not finite, thresholds not strictly monotone, or all values in one group.</exception>
    public static IReadOnlyList<double> Indirect(IReadOnlyList<double> values, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (values.Count < 2 || values.Any(v => !double.IsFinite(v)))
        {
            throw GraphValidationException.Single("values", "the indirect method needs at least two values, every one a finite number");
        }
        var increasing = thresholds.Zip(thresholds.Skip(1)).All(p => p.First < p.Second);
        var decreasing = thresholds.Zip(thresholds.Skip(1)).All(p => p.First > p.Second);
        if (thresholds.Count == 0 || thresholds.Any(t => !double.IsFinite(t)) || !(increasing || decreasing))
        {
            throw GraphValidationException.Single("thresholds", "must be one or more finite numbers, strictly increasing (a set of high values) or strictly decreasing (low values)");
        }
        var ordered = increasing ? thresholds.ToList() : thresholds.Reverse().ToList();
        var targets = values.Select(v =>
        {
            var group = ordered.Count(t => v >= t);
            var membership = (double)group / ordered.Count;
            return increasing ? membership : 1.0 - membership;
        }).ToArray();
        if (targets.Distinct().Count() < 2)
        {
            throw GraphValidationException.Single("thresholds", "put every value in one group, so there is nothing to fit: choose thresholds inside the values' range");
        }
        var (intercept, slope) = FractionalLogit(values, targets);
        return values.Select(v => Logistic(intercept + slope * v)).ToList();
    }

    /// <summary>
    /// The binomial (fractional) logit of <paramref name="y"/> on <paramref name="x"/> by Newton–Raphson, which for
    /// the canonical link is IRLS. When the groups separate perfectly the likelihood has no finite maximum; the
    /// iterations stop at a bound on the slope, where the fitted memberships are 0 and 1 to within 1e-12.
    /// </summary>
    private static (double Intercept, double Slope) FractionalLogit(IReadOnlyList<double> x, double[] y)
    {
        // Centred and scaled, so that Newton's steps are well conditioned whatever the units of the indicator.
        var mean = x.Average();
        var scale = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Count);
        scale = scale == 0 ? 1 : scale;
        var z = x.Select(v => (v - mean) / scale).ToArray();
        double a = 0, b = 0;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (var i = 0; i < z.Length; i++)
            {
                var p = Logistic(a + b * z[i]);
                var w = p * (1 - p);
                g0 += y[i] - p;
                g1 += (y[i] - p) * z[i];
                h00 += w;
                h01 += w * z[i];
                h11 += w * z[i] * z[i];
            }
            var determinant = h00 * h11 - h01 * h01;
            if (determinant <= 1e-300)
            {
                break;
            }
            var da = (h11 * g0 - h01 * g1) / determinant;
            var db = (h00 * g1 - h01 * g0) / determinant;
            a += da;
            b += db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-13 || Math.Abs(b) > 1e3)
            {
                break;
            }
        }
        return (a - b * mean / scale, b / scale);
    }

    private static double Logistic(double logOdds) => 1.0 / (1.0 + Math.Exp(-logOdds));

    private static void ValidateInclusion(double inclusionMembership)
    {
        if (!(inclusionMembership > 0.5 && inclusionMembership < 1.0))
        {
            throw GraphValidationException.Single("inclusion_membership", "must be above 0.5 and below 1 (R's default is 0.95; fsQCA's log-odds 3 is 0.9525741268)");
        }
    }

    private static void Validate(CalibrationAnchors anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        var (e, c, i) = (anchors.FullNonMembership, anchors.Crossover, anchors.FullMembership);
        var increasing = e < c && c < i;
        var decreasing = e > c && c > i;
        if (!(increasing || decreasing) || !double.IsFinite(e) || !double.IsFinite(c) || !double.IsFinite(i))
        {
            throw GraphValidationException.Single("anchors",
                "must be strictly increasing or strictly decreasing: full non-membership, crossover, full membership");
        }
    }
}
