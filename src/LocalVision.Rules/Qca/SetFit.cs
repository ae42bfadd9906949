namespace LocalVision.Rules.Qca;

/// <summary>
/// How well "X is sufficient for Y" holds on fuzzy or crisp memberships (Ragin's measures, as R's QCA
/// package computes them). A ratio whose denominator is zero is <see cref="double.NaN"/>.
/// </summary>
/// <param name="Consistency">Σmin(x,y) / Σx: how far X is a subset of Y.</param>
/// <param name="Coverage">Σmin(x,y) / Σy: how much of Y that X accounts for.</param>
/// <param name="Pri">
/// Proportional reduction in inconsistency, (Σmin(x,y) − Σmin(x,y,1−y)) / (Σx − Σmin(x,y,1−y)): how far
/// X is a subset of Y rather than of not-Y as well.
/// </param>
public sealed record SufficiencyFit(double Consistency, double Coverage, double Pri);

/// <summary>How well "X is necessary for Y" holds. A ratio whose denominator is zero is NaN.</summary>
/// <param name="Consistency">Σmin(x,y) / Σy: how far Y is a subset of X.</param>
/// <param name="Coverage">Σmin(x,y) / Σx: how far X is not much larger than Y (trivialness).</param>
/// <param name="RelevanceOfNecessity">Σ(1−x) / Σ(1−min(x,y)) (Schneider and Wagemann): low when X is nearly constant.</param>
public sealed record NecessityFit(double Consistency, double Coverage, double RelevanceOfNecessity);

/// <summary>The sums behind the fit measures, so that every ratio can be checked by hand.</summary>
/// <param name="SumX">Σx over all cases.</param>
/// <param name="SumY">Σy over all cases.</param>
/// <param name="SumIntersection">Σmin(x,y).</param>
/// <param name="SumIntersectionWithNegatedOutcome">Σmin(x,y,1−y), the part of X∩Y that is also in not-Y.</param>
/// <param name="SumNotX">Σ(1−x).</param>
/// <param name="SumNotIntersection">Σ(1−min(x,y)).</param>
public sealed record SetSums(
    double SumX,
    double SumY,
    double SumIntersection,
    double SumIntersectionWithNegatedOutcome,
    double SumNotX,
    double SumNotIntersection)
{
    internal static SetSums Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sx = 0, sy = 0, sxy = 0, sxyny = 0, snx = 0, snxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var both = Math.Min(x[i], y[i]);
            sx += x[i];
            sy += y[i];
            sxy += both;
            sxyny += Math.Min(both, 1.0 - y[i]);
            snx += 1.0 - x[i];
            snxy += 1.0 - both;
        }

        return new SetSums(sx, sy, sxy, sxyny, snx, snxy);
    }

    internal SufficiencyFit Sufficiency() => new(
        Ratio(SumIntersection, SumX),
        Ratio(SumIntersection, SumY),
        Ratio(SumIntersection - SumIntersectionWithNegatedOutcome, SumX - SumIntersectionWithNegatedOutcome));

    internal NecessityFit Necessity() => new(
        Ratio(SumIntersection, SumY),
        Ratio(SumIntersection, SumX),
        Ratio(SumNotX, SumNotIntersection));

    private static double Ratio(double numerator, double denominator) =>
        denominator == 0.0 ? double.NaN : numerator / denominator;
}
