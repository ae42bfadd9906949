using LocalVision.Graph.Store;

namespace LocalVision.Rules.Configurations;

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
/// The deviation from the crossover is scaled to log-odds of +3 at full membership and −3 at full
/// non-membership, separately on each side of the crossover, and mapped through the logistic function.
/// So the anchors receive 0.0474, 0.5 and 0.9526 (fsQCA's convention; R's <c>calibrate</c> by default
/// scales to 0.05 and 0.95 exactly).
/// </remarks>
public static class Calibration
{
    /// <summary>The log-odds assigned to full membership; full non-membership gets its negative.</summary>
    public const double AnchorLogOdds = 3.0;

    /// <summary>The membership of one raw value.</summary>
    /// <exception cref="GraphValidationException">The anchors are not strictly monotone, or a value is not a number.</exception>
    public static double Direct(double value, CalibrationAnchors anchors)
    {
        Validate(anchors);
        if (double.IsNaN(value))
        {
            throw GraphValidationException.Single("value", "is not a number, so it cannot be calibrated");
        }

        var deviation = value - anchors.Crossover;
        var towardsMembership = anchors.IsIncreasing ? deviation >= 0 : deviation <= 0;
        var logOdds = towardsMembership
            ? AnchorLogOdds * deviation / (anchors.FullMembership - anchors.Crossover)
            : AnchorLogOdds * deviation / (anchors.Crossover - anchors.FullNonMembership);
        return 1.0 / (1.0 + Math.Exp(-logOdds));
    }

    /// <summary>The memberships of several raw values, in order.</summary>
    public static IReadOnlyList<double> Direct(IEnumerable<double> values, CalibrationAnchors anchors)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Select(v => Direct(v, anchors)).ToList();
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
