namespace LocalVision.Rules.Cohorts;

/// <summary>An applicant: its locality's attributes (laType may hold several values), proposed funding and readiness score.</summary>
public sealed record CohortCandidate(
    string Initiative,
    string Locality,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes,
    double Funding,
    double Score,
    IReadOnlyList<string> ScoreReasons);

/// <summary>At least <paramref name="Min"/> and at most <paramref name="Max"/> picks (null: no maximum) whose attribute holds the value.</summary>
public sealed record CohortConstraint(string Attribute, string Value, int Min, int? Max)
{
    public bool Matches(CohortCandidate candidate) =>
        candidate.Attributes.TryGetValue(Attribute, out var values) && values.Contains(Value, StringComparer.Ordinal);

    public override string ToString() => $"{Attribute} = {Value}" + (Max is { } max ? $" ({Min} to {max})" : $" (at least {Min})");
}

/// <param name="Budget">Total funding available; null means no limit.</param>
/// <param name="OnePerLocality">At most one pick per locality.</param>
/// <param name="SearchBudget">Most search nodes before the answer is returned as the best found, not proven optimal.</param>
public sealed record CohortRequest(
    IReadOnlyList<CohortCandidate> Candidates,
    int Size,
    IReadOnlyList<CohortConstraint> Constraints,
    double? Budget = null,
    bool OnePerLocality = true,
    long SearchBudget = 20_000_000);
