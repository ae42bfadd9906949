namespace LocalVision.Rules.Insight.Derived;

/// <summary>
/// A condition that is not coded but computed per graph case — a network measure or a numeric property — and
/// calibrated into a fuzzy set (<see cref="Qca.Calibration"/>), after which it is a set like any other: usable in
/// expressions, truth tables and necessity under its <paramref name="Name"/>. A case without a raw value has an
/// unknown membership, read as the analysis's <see cref="UnknownPolicy"/> says.
/// </summary>
/// <param name="Network">The raw value's source when it is a network measure; exactly one of this and <paramref name="Property"/>.</param>
/// <param name="Thresholds">Direct: exclusion, crossover, inclusion (reversed for a set of low values); indirect: group boundaries.</param>
/// <param name="InclusionMembership">Direct method: the inclusion anchor's membership (R's default 0.95).</param>
public sealed record DerivedCondition(
    string Name,
    NetworkMeasure? Network,
    PropertyMeasure? Property,
    CalibrationMethod Method,
    IReadOnlyList<double> Thresholds,
    double InclusionMembership = Qca.Calibration.RInclusionMembership);
