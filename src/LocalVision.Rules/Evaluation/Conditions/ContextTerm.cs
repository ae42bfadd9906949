namespace LocalVision.Rules.Evaluation.Conditions;

/// <summary>What a context term asks of its condition.</summary>
public enum Expectation
{
    /// <summary>The condition is present.</summary>
    Present,

    /// <summary>The condition is absent, on evidence.</summary>
    Absent,

    /// <summary>
    /// The condition is absent or only partly there, on evidence: any recorded value that is not present. docs/domain.md's
    /// NO_SUPPORT reads DEDICATED_SUPPORT this way, since the report's own example (Gloucestershire) is a "partly".
    /// </summary>
    AbsentOrPartly,

    /// <summary>Nobody has settled the condition: no value by the date, or a score between the thresholds.</summary>
    Unknown,

    /// <summary>The condition's score is at least the term's threshold; a lower recorded score contradicts it.</summary>
    AtLeast,
}

/// <summary>
/// One term of a rule's context: a condition and what the rule asks of it. A rule's context holds when every term does;
/// it fails when any term is contradicted by evidence; otherwise it is undecided, and the unknown terms name what would settle it.
/// </summary>
/// <param name="Code">A catalogue code, or a code the engine derives (<see cref="DerivedCodes"/>).</param>
/// <param name="EffectsAnyOf">
/// For alignment codes: the term also asks that a recorded ALIGNED_WITH effect is one of these. No effect recorded leaves
/// the term unknown; only other effects contradict it.
/// </param>
/// <param name="EffectsNoneOf">For alignment codes: a recorded effect among these contradicts the term; no effect recorded does not.</param>
/// <param name="Threshold">For <see cref="Expectation.AtLeast"/>: the score the condition must reach.</param>
public sealed record ContextTerm(
    string Code,
    Expectation Expects,
    IReadOnlyList<string>? EffectsAnyOf = null,
    IReadOnlyList<string>? EffectsNoneOf = null,
    double? Threshold = null)
{
    public static ContextTerm Present(string code) => new(code, Expectation.Present);

    public static ContextTerm Absent(string code) => new(code, Expectation.Absent);

    /// <summary>What the term asks, in words: <c>FOCUSED_PROBLEM present</c>.</summary>
    public string Describe()
    {
        var expects = Expects switch
        {
            Expectation.Present => "present",
            Expectation.Absent => "absent",
            Expectation.Unknown => "unknown (neither present nor absent on evidence)",
            Expectation.AtLeast => $"scored at least {CodeValue.Format(Threshold ?? 0)}",
            _ => "absent or partly (0.5), on evidence",
        };
        var effects = EffectsAnyOf is { Count: > 0 } any ? $", with a recorded effect {string.Join(" or ", any)}"
            : EffectsNoneOf is { Count: > 0 } none ? $", with no recorded effect {string.Join(" or ", none)}"
            : "";
        return $"{Code} {expects}{effects}";
    }

    /// <summary>
    /// The term's value against a resolved condition (null when the condition has no value), and its fuzzy membership
    /// for set-theoretic consistency: the score for a presence, one minus the score for an absence.
    /// </summary>
    public (ConditionValue Value, double? Membership) Evaluate(Condition? condition)
    {
        if (Expects == Expectation.Unknown)
        {
            // A term about silence holds where nothing settles the condition, and any evidence either way contradicts it.
            return condition is null || condition.Value == ConditionValue.Unknown ? (ConditionValue.Present, 1) : (ConditionValue.Absent, 0);
        }
        if (condition is null)
        {
            return (ConditionValue.Unknown, null);
        }
        var membership = Expects is Expectation.Present or Expectation.AtLeast ? condition.Score : 1 - condition.Score;
        var value = Expects switch
        {
            Expectation.Present => condition.Value,
            Expectation.Absent => condition.Value switch
            {
                ConditionValue.Present => ConditionValue.Absent,
                ConditionValue.Absent => ConditionValue.Present,
                _ => ConditionValue.Unknown,
            },
            Expectation.AtLeast => condition.Score >= Threshold ? ConditionValue.Present : ConditionValue.Absent,
            _ => condition.Value == ConditionValue.Present ? ConditionValue.Absent : ConditionValue.Present,
        };
        if (value != ConditionValue.Present)
        {
            return (value, membership);
        }
        var effects = condition.Effects.ToList();
        if (EffectsNoneOf is { Count: > 0 } none && effects.Any(none.Contains))
        {
            return (ConditionValue.Absent, 0);
        }
        if (EffectsAnyOf is { Count: > 0 } any)
        {
            if (effects.Count == 0)
            {
                return (ConditionValue.Unknown, null);
            }
            if (!effects.Any(any.Contains))
            {
                return (ConditionValue.Absent, 0);
            }
        }
        return (ConditionValue.Present, membership);
    }
}
