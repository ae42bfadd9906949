using System.Globalization;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Evaluation.Conditions;

/// <summary>Where a code's value came from.</summary>
public enum CodeSource
{
    /// <summary>An evaluator's observation (the latest one as of the evaluation date).</summary>
    Coded,

    /// <summary>Computed by a rule from relationships, node properties or other conditions.</summary>
    Derived,
}

/// <summary>
/// One value of a code for an initiative, with its provenance: the latest coded observation, or a value a
/// derivation rule computed from the graph. Several may exist for one code; <see cref="Condition"/> resolves them.
/// </summary>
/// <param name="Source">Where the value came from, in words.</param>
/// <param name="Nodes">Coded: the observation. Derived: the nodes it was derived from.</param>
/// <param name="Evidence">The evidence behind the value that the evaluation may show (recorded by the date).</param>
/// <param name="Effect">For alignment codes, the ALIGNED_WITH effect (COMPLEMENTS, DISTRACTS, MIXED) when recorded.</param>
/// <param name="Confidence">Coded: H, M or L. Derived: L when it rests on an L-confidence observation, else null.</param>
/// <param name="Illustrative">True when the value rests on data marked <c>illustrative</c> (only seen when the caller includes it).</param>
/// <param name="Observations">
/// The observations the value rests on: a coded value's own; a value derived from conditions, theirs. Null means none
/// beyond a coded value's own node.
/// </param>
/// <param name="Basis">
/// The coded codes the value rests on, so that one missing element is counted once: a leadership element derived from
/// SENIOR_ENGAGEMENT_EARLY rests on it. Empty means the value's own code.
/// </param>
public sealed record CodeValue(
    string Initiative,
    string Code,
    double Score,
    CodeSource Origin,
    string Source,
    IReadOnlyList<string> Nodes,
    IReadOnlyList<string> Evidence,
    DateOnly? At = null,
    string? Effect = null,
    string? Confidence = null,
    bool Illustrative = false,
    IReadOnlyList<string>? Basis = null,
    IReadOnlyList<string>? Observations = null)
{
    /// <summary>Groups values of the same code of the same initiative.</summary>
    public string GroupKey => Initiative + "\n" + Code;

    public bool IsTentative => Confidence == "L";

    /// <summary>The observations behind the value: its own node when coded, the conditions' observations when derived from them.</summary>
    public IReadOnlyList<string> ObservationsCited => Origin == CodeSource.Coded ? Nodes : Observations ?? [];

    /// <summary>The codes this value rests on.</summary>
    public IReadOnlyList<string> BasisCodes => Basis is { Count: > 0 } basis ? basis : [Code];

    public static CodeValue Coded(ObservationFact observation) => new(
        observation.Initiative,
        observation.Code,
        observation.Score,
        CodeSource.Coded,
        string.Create(CultureInfo.InvariantCulture,
            $"coded {Format(observation.Score)} on {observation.At:yyyy-MM-dd}{Recorded(observation)} in {observation.Name}{Qualifiers(observation)}"),
        [observation.Name],
        observation.Evidence,
        observation.At,
        Confidence: observation.Confidence,
        Illustrative: observation.Illustrative);

    public static CodeValue Derived(
        string initiative, string code, double score, string source, IReadOnlyList<string> nodes, string? effect = null,
        bool illustrative = false, IReadOnlyList<string>? evidence = null, IReadOnlyList<string>? basis = null, string? confidence = null) =>
        new(initiative, code, score, CodeSource.Derived, source, nodes, evidence ?? [], null, effect, confidence, illustrative, basis);

    /// <summary>A value derived from resolved conditions, resting on what they rest on.</summary>
    public static CodeValue DerivedFrom(string initiative, string code, double score, string source, IReadOnlyList<Condition> from) =>
        Derived(initiative, code, score, source,
            from.SelectMany(c => c.Observations.Concat(c.DerivedFacts.SelectMany(d => d.Nodes))).Distinct(StringComparer.Ordinal).ToList(),
            illustrative: from.Any(c => c.Illustrative),
            evidence: from.SelectMany(c => c.Evidence).Distinct(StringComparer.Ordinal).ToList(),
            basis: from.SelectMany(c => c.Basis).Distinct(StringComparer.Ordinal).ToList(),
            confidence: from.Any(c => c.Tentative) ? "L" : null) with
        {
            Observations = from.SelectMany(c => c.Observations).Distinct(StringComparer.Ordinal).ToList(),
        };

    public DerivedFact ToDerivedFact() => new(Code, Score, Source, Nodes);

    internal static string Format(double score) => score.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Recorded(ObservationFact observation) =>
        observation.RecordedAt == observation.At ? "" : $" (recorded {observation.RecordedAt:yyyy-MM-dd})";

    private static string Qualifiers(ObservationFact observation)
    {
        var parts = new[]
            {
                observation.Confidence is null ? null : "confidence " + observation.Confidence,
                observation.Section is null ? null : "§" + observation.Section,
                observation.Illustrative ? "illustrative" : null,
            }
            .OfType<string>().ToList();
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }
}

/// <summary>A fact derived from the graph rather than read from an observation, as a finding cites it.</summary>
/// <param name="Code">A catalogue code, or one of the codes only the engine derives (<see cref="DerivedCodes"/>).</param>
/// <param name="Source">Where it came from, in words.</param>
/// <param name="Nodes">The nodes it was derived from (resource names).</param>
public sealed record DerivedFact(string Code, double Score, string Source, IReadOnlyList<string> Nodes);
