using System.Globalization;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>Where a code's value came from.</summary>
public enum CodeSource
{
    /// <summary>An evaluator's observation (the latest one as of the evaluation date).</summary>
    Coded,

    /// <summary>Computed by a rule from relationships and node properties.</summary>
    Derived,
}

/// <summary>
/// One value of a code for an initiative, with its provenance: the latest coded observation, or a value a
/// derivation rule computed from the graph. Several may exist for one code; <see cref="Condition"/> resolves them.
/// </summary>
/// <param name="Source">Where the value came from, in words.</param>
/// <param name="Nodes">Coded: the observation. Derived: the nodes it was derived from.</param>
/// <param name="Evidence">Coded: the evidence supporting the observation. Derived: empty.</param>
/// <param name="Effect">For alignment codes, the ALIGNED_WITH effect (COMPLEMENTS, DISTRACTS, MIXED) when recorded.</param>
public sealed record CodeValue(
    string Initiative,
    string Code,
    double Score,
    CodeSource Origin,
    string Source,
    IReadOnlyList<string> Nodes,
    IReadOnlyList<string> Evidence,
    DateOnly? At = null,
    string? Effect = null)
{
    /// <summary>Groups values of the same code of the same initiative.</summary>
    public string GroupKey => Initiative + "\n" + Code;

    public static CodeValue Coded(ObservationFact observation) => new(
        observation.Initiative,
        observation.Code,
        observation.Score,
        CodeSource.Coded,
        string.Create(CultureInfo.InvariantCulture,
            $"coded {Format(observation.Score)} on {observation.At:yyyy-MM-dd} in {observation.Name}{Qualifiers(observation)}"),
        [observation.Name],
        observation.Evidence,
        observation.At);

    private static string Qualifiers(ObservationFact observation)
    {
        var parts = new[] { observation.Confidence is null ? null : "confidence " + observation.Confidence, observation.Section is null ? null : "§" + observation.Section }
            .OfType<string>().ToList();
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    public static CodeValue Derived(string initiative, string code, double score, string source, IReadOnlyList<string> nodes, string? effect = null) =>
        new(initiative, code, score, CodeSource.Derived, source, nodes, [], null, effect);

    public DerivedFact ToDerivedFact() => new(Code, Score, Source, Nodes);

    internal static string Format(double score) => score.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A fact derived from the graph rather than read from an observation, as a finding cites it.</summary>
/// <param name="Code">
/// A catalogue code, or one of the derived facts outside the catalogue: LEADERSHIP_ELEMENT (an element of the §7.4.1
/// configuration, score 1 present or 0 missing), PROJECT_LEAD_CHANGE, ENABLER_EXIT (an engagement's end) or PARTNERS
/// (how many partners, as the score).
/// </param>
/// <param name="Source">Where it came from, in words.</param>
/// <param name="Nodes">The nodes it was derived from (resource names).</param>
public sealed record DerivedFact(string Code, double Score, string Source, IReadOnlyList<string> Nodes);
